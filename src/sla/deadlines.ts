// Deadlines from time-limit policies and the working-day calendar.
//
// A policy in `hours` adds wall-clock hours (emergencies do not wait for Monday); a policy in
// `working_days` adds working days with the calendar's semantics (same Shanghai clock time on
// the n-th working day strictly after the start's date; see src/calendar/calendar.ts).
//
// What each stage is measured from (the ticket code calls the per-stage function at each
// transition with the real time of that transition):
//   dispatch       from receipt (received_at)
//   sign           from dispatch (dispatched_at; a redispatch restarts it)
//   reply          from dispatch (not from sign-for: a unit cannot gain time by signing late)
//   return_window  from dispatch (a unit may return a wrongly routed ticket only early on)
//   redispatch     from the return (the centre must route a returned ticket again)
//   callback       from the reply (replied_at)
// computeTicketDeadlines gives the projection at intake: every stage as if each step happened
// at its start time (dispatch at receipt unless dispatchedAt is given; callback from the reply
// deadline unless repliedAt is given).
import type { Deps } from '../server/deps.ts';
import type { Stage, TimeLimitPolicy } from '../contract/sla.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import { choosePolicy, loadPolicies } from './policies.ts';

export interface DeadlineInput {
  stage: Stage;
  urgency?: string | null;
  requestType?: string | null;
  from: Date;
}

type SlaDeps = Pick<Deps, 'db'>;

/**
 * Loads the calendar and policy caches. Call once at start-up: afterwards deadline computations
 * never wait for the database (important inside a transaction on PGlite's single connection).
 */
export async function warmClockCaches(deps: SlaDeps): Promise<void> {
  await Promise.all([loadCalendar(deps), loadPolicies(deps)]);
}

/** Applies one policy to a start time. */
export async function applyPolicy(deps: SlaDeps, p: Pick<TimeLimitPolicy, 'amount' | 'unit'>, from: Date): Promise<Date> {
  if (p.unit === 'hours') return new Date(from.getTime() + Math.round(p.amount * 3600_000));
  return (await loadCalendar(deps)).addWorkingDays(from, Math.ceil(p.amount));
}

/** The deadline of a stage by the most specific policy, or null when no policy covers it. */
export async function deadlineFor(deps: SlaDeps, input: DeadlineInput): Promise<Date | null> {
  const p = choosePolicy(await loadPolicies(deps), input);
  return p ? applyPolicy(deps, p, input.from) : null;
}

export interface TicketKind {
  urgency: string;
  requestType: string;
}

export const dispatchDeadline = (deps: SlaDeps, t: TicketKind, receivedAt: Date) => deadlineFor(deps, { stage: 'dispatch', ...t, from: receivedAt });
export const signDeadline = (deps: SlaDeps, t: TicketKind, dispatchedAt: Date) => deadlineFor(deps, { stage: 'sign', ...t, from: dispatchedAt });
export const replyDeadline = (deps: SlaDeps, t: TicketKind, dispatchedAt: Date) => deadlineFor(deps, { stage: 'reply', ...t, from: dispatchedAt });
export const returnDeadline = (deps: SlaDeps, t: TicketKind, dispatchedAt: Date) => deadlineFor(deps, { stage: 'return_window', ...t, from: dispatchedAt });
export const redispatchDeadline = (deps: SlaDeps, t: TicketKind, returnedAt: Date) => deadlineFor(deps, { stage: 'redispatch', ...t, from: returnedAt });
export const callbackDeadline = (deps: SlaDeps, t: TicketKind, repliedAt: Date) => deadlineFor(deps, { stage: 'callback', ...t, from: repliedAt });

export interface TicketDeadlines {
  dispatch: Date | null;
  sign: Date | null;
  reply: Date | null;
  returnWindow: Date | null;
  callback: Date | null;
}

export async function computeTicketDeadlines(
  deps: SlaDeps,
  input: TicketKind & { receivedAt: Date; dispatchedAt?: Date | null; repliedAt?: Date | null },
): Promise<TicketDeadlines> {
  const t = { urgency: input.urgency, requestType: input.requestType };
  const dispatchedAt = input.dispatchedAt ?? input.receivedAt;
  const [dispatch, sign, reply, returnWindow] = await Promise.all([
    dispatchDeadline(deps, t, input.receivedAt),
    signDeadline(deps, t, dispatchedAt),
    replyDeadline(deps, t, dispatchedAt),
    returnDeadline(deps, t, dispatchedAt),
  ]);
  const replyAt = input.repliedAt ?? reply;
  const callback = replyAt ? await callbackDeadline(deps, t, replyAt) : null;
  return { dispatch, sign, reply, returnWindow, callback };
}
