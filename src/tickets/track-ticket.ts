// The citizen's view: a ticket by number + the last 4 digits of the phone it was filed with.
// Only citizen-visible events, no names, no phone numbers, no internal notes.
import type { Deps } from '../server/deps.ts';
import type { TrackResponse } from '../contract/tickets.ts';
import type { RequestType, Satisfaction, Status } from '../contract/enums.ts';
import type { Ticket } from '../db/schema.ts';
import { AppError } from '../shared/errors.ts';
import { ANONYMOUS_CITIZEN } from '../auth/actor.ts';
import { applyTransition } from './transition.ts';
import { CITIZEN_NOTE_ACTIONS as NOTE_SHOWN, currentStageWindow, iso } from './present.ts';
import * as repo from './tickets.repo.ts';

const CITIZEN = ANONYMOUS_CITIZEN;


async function verified(deps: Deps, number: string, last4: string): Promise<Ticket> {
  const t = await repo.getTicketByNumber(deps.db, number);
  const phone = t?.contact_phone?.replace(/\D/g, '') ?? '';
  // Same answer for "no such number" and "wrong phone": nothing is revealed either way.
  if (!t || phone.length < 4 || phone.slice(-4) !== last4) throw new AppError('ticket_not_found');
  return t;
}

/** What a citizen is owed a time for: the reply while a unit has it, before dispatch the centre's dispatch time, nothing once answered. */
function citizenDeadline(t: Ticket): Date | null {
  const withUnit = t.status === 'dispatched' || t.status === 'signed' || t.status === 'handling';
  const answered = t.status === 'replied' || t.status === 'callback' || t.status === 'closed' || t.status === 'merged';
  return answered ? null : withUnit ? (t.reply_deadline ?? currentStageWindow(t).deadline) : currentStageWindow(t).deadline;
}

/** Actions that finish a ticket at the centre, with no unit: the centre's own unit answered it. */
const CENTRE_FINISH = new Set(['direct_answer', 'out_of_scope', 'transfer']);

export async function trackTicket(deps: Deps, number: string, last4: string): Promise<TrackResponse> {
  const t = await verified(deps, number, last4);
  const events = await repo.events(deps.db, t.id, true);
  const master = t.status === 'merged' && t.master_id ? await repo.getTicket(deps.db, t.master_id) : undefined;
  const finishedBy = !t.lead_unit_id ? [...events].reverse().find((e) => CENTRE_FINISH.has(e.action))?.unit_name ?? null : null;
  // the citizen is owed an answer: while a unit has the ticket, its deadline is the reply deadline
  // (not the unit's internal 24-hour sign-for limit); before dispatch, the centre's dispatch time;
  // once answered, nothing (the callback's deadline is the centre's own work)
  const deadline = citizenDeadline(t);
  return {
    number: t.number,
    title: t.title,
    status: t.status as Status,
    type: t.request_type as RequestType,
    receivedAt: iso(t.received_at)!,
    handlingUnit: (await repo.unitName(deps.db, t.lead_unit_id)) ?? finishedBy,
    deadline: iso(deadline),
    replyText: t.reply_text,
    canRate: t.status === 'replied',
    satisfaction: t.satisfaction as Satisfaction | null,
    events: events.map((e) => ({
      action: e.action,
      toStatus: e.to_status,
      at: iso(e.at)!,
      unitName: e.actor_role === 'system' || e.actor_role === 'citizen' ? null : (e.unit_name ?? null),
      note: NOTE_SHOWN.has(e.action) ? e.note : null,
    })),
    mergedInto: master
      ? { status: master.status as Status, handlingUnit: await repo.unitName(deps.db, master.lead_unit_id), deadline: iso(citizenDeadline(master)) }
      : null,
  };
}

export async function rateTicket(
  deps: Deps,
  number: string,
  input: { phone: string; resolved: boolean; satisfaction: Satisfaction; comment?: string },
): Promise<TrackResponse> {
  const t = await verified(deps, number, input.phone);
  await applyTransition(deps, CITIZEN, t.id, { action: 'callback', resolved: input.resolved, satisfaction: input.satisfaction, note: input.comment }, { citizenVerified: true });
  return trackTicket(deps, number, input.phone);
}
