// Extension points at intake that the understanding capability (src/nlp) fills in: hints from
// the text (type, urgency, place, a confident category for auto-dispatch), and a call after each
// committed group (the duplicate index then signs the new tickets at its next lookup). Defaults do
// nothing, so intake works without any model.
import type { Kysely } from 'kysely';
import type { Deps } from '../server/deps.ts';
import type { CreateTicketBody } from '../contract/tickets.ts';
import type { DB } from '../db/schema.ts';
import type { EmergencyService, RequestType, Urgency } from '../contract/enums.ts';

export interface IntakeHints {
  requestType?: RequestType;
  urgency?: Urgency;
  divisionCode?: string;
  /** Set only when confidence is above the auto-dispatch threshold. */
  /** keyword: the admin keyword that chose a category no model has learned yet */
  autoCategory?: { code: string; confidence: number; keyword?: string };
  /** The unit model's unit, set only when its confidence reaches its threshold (used when no rule owns the matter). */
  autoUnit?: { unitId: string; confidence: number };
  /** The text points to an emergency service (gas leak → 119, someone hurt → 120): the caller is told to call it now. */
  callNow?: EmergencyService;
}

/** Which hints intake will use: a category the caller set with authority needs no model. */
export interface IntakeWants {
  category: boolean;
}

export const intakeHooks = {
  analyze: async (_deps: Deps, _input: CreateTicketBody, _wants: IntakeWants): Promise<IntakeHints> => ({}),
  /** After a group has committed (maintenance such as index flushes; failures are only logged). */
  afterCommit: async (_db: Kysely<DB>, _count: number): Promise<void> => {},
};
