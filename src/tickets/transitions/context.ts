import type { Transaction } from 'kysely';
import type { DB, Ticket, TicketUpdate } from '../../db/schema.ts';
import type { Deps } from '../../server/deps.ts';
import type { Actor } from '../../auth/actor.ts';
import type { TicketAccess } from '../../auth/policy.ts';
import type { TransitionBody } from '../../contract/tickets.ts';
import type { EventInput } from '../events.ts';

export type EventItem = Omit<EventInput, 'ticketId'>;

export interface Ctx<B extends TransitionBody = TransitionBody> {
  deps: Deps;
  trx: Transaction<DB>;
  t: Ticket;
  actor: Actor;
  access: TicketAccess;
  body: B;
  now: Date;
}

export interface Outcome {
  patch?: TicketUpdate;
  /** Overrides the lifecycle's target status (e.g. reopen with no unit goes back to the queue). */
  toStatus?: string;
  note?: string | null;
  data?: Record<string, unknown>;
  attachments?: string[];
  public?: boolean;
  /** Further events after the main one (e.g. an automatic reopen after an unsatisfied callback). */
  then?: EventItem[];
  /** Work to run after the events are written (e.g. closing merged tickets). */
  after?: () => Promise<void>;
}

export type Handler<A extends TransitionBody['action']> = (ctx: Ctx<Extract<TransitionBody, { action: A }>>) => Promise<Outcome>;
