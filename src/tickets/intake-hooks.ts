// Extension points at intake that the understanding capability (src/nlp) fills in: hints from
// the text (type, urgency, place, a confident category for auto-dispatch) and indexing for
// duplicate search. Defaults do nothing, so intake works without any model.
import type { Transaction } from 'kysely';
import type { Deps } from '../server/deps.ts';
import type { CreateTicketBody } from '../contract/tickets.ts';
import type { DB, Ticket } from '../db/schema.ts';
import type { RequestType, Urgency } from '../contract/enums.ts';

export interface IntakeHints {
  requestType?: RequestType;
  urgency?: Urgency;
  divisionCode?: string;
  /** Set only when confidence is above the auto-dispatch threshold. */
  autoCategory?: { code: string; confidence: number };
}

export const intakeHooks = {
  analyze: async (_deps: Deps, _input: CreateTicketBody): Promise<IntakeHints> => ({}),
  /** Called once per group commit with every ticket of the group, inside its transaction. */
  afterInsert: async (_trx: Transaction<DB>, _tickets: Ticket[]): Promise<void> => {},
};
