// Stage deadlines for a ticket, from the time-limit policies (src/sla) and the working-day calendar.
import type { Deps } from '../server/deps.ts';
import type { Ticket } from '../db/schema.ts';
import { deadlineFor } from '../sla/deadlines.ts';

type Stage = 'dispatch' | 'sign' | 'reply' | 'return_window' | 'callback' | 'redispatch';

export async function stageDeadline(deps: Deps, t: Pick<Ticket, 'urgency' | 'request_type'>, stage: Stage, from: Date) {
  return deadlineFor(deps, { stage, urgency: t.urgency, requestType: t.request_type, from });
}

/** Deadlines that start when a unit receives the ticket: sign-for, reply, return window. */
export async function unitDeadlines(deps: Deps, t: Pick<Ticket, 'urgency' | 'request_type'>, from: Date) {
  const [sign, reply, ret] = await Promise.all([
    stageDeadline(deps, t, 'sign', from),
    stageDeadline(deps, t, 'reply', from),
    stageDeadline(deps, t, 'return_window', from),
  ]);
  return { sign_deadline: sign, reply_deadline: reply, return_deadline: ret };
}

export function deadlinesView(t: Ticket) {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    dispatch: iso(t.dispatch_deadline),
    sign: iso(t.sign_deadline),
    reply: iso(t.reply_deadline),
    returnWindow: iso(t.return_deadline),
    callback: iso(t.callback_deadline),
  };
}
