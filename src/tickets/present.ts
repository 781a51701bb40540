// Turns ticket rows into API views, masking what the viewer may not see.
import type { Ticket } from '../db/schema.ts';
import type { TicketSummary } from '../contract/tickets.ts';
import type { Channel, RequestType, Status, Urgency } from '../contract/enums.ts';
import { maskName, maskPhone } from '../auth/policy.ts';
import { lightFor } from '../sla/light.ts';
import { currentStage } from './lifecycle.ts';

/**
 * Public actions carry notes meant for the citizen; these actions' notes are shown to citizens
 * (tracking, and a signed-in citizen's own ticket); a proactive case's notes are written for the public.
 */
export const CITIZEN_NOTE_ACTIONS: ReadonlySet<string> = new Set(['reply', 'direct_answer', 'out_of_scope', 'transfer', 'progress', 'extension_approve', 'reopen', 'close', 'case_join', 'case_progress', 'case_close']);

/** The current stage's start and deadline (what the light and "time left" follow). */
export function currentStageWindow(t: Ticket): { start: Date | null; deadline: Date | null } {
  switch (currentStage(t.status as Status)) {
    case 'dispatch':
      return { start: t.received_at, deadline: t.dispatch_deadline };
    case 'sign':
      return { start: t.dispatched_at, deadline: t.sign_deadline };
    case 'reply':
      return { start: t.dispatched_at, deadline: t.reply_deadline };
    case 'callback':
      return { start: t.replied_at, deadline: t.callback_deadline };
    default:
      return { start: null, deadline: null };
  }
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function presentSummary(
  t: Ticket & { category_name?: string | null; division_name?: string | null; lead_unit_name?: string | null },
  now: Date,
  showContact = false,
): TicketSummary {
  const { start, deadline } = currentStageWindow(t);
  return {
    id: t.id,
    number: t.number,
    title: t.title,
    status: t.status as Status,
    channel: t.channel as Channel,
    type: t.request_type as RequestType,
    urgency: t.urgency as Urgency,
    categoryCode: t.category_code,
    categoryName: t.category_name ?? null,
    divisionCode: t.division_code,
    divisionName: t.division_name ?? null,
    leadUnitId: t.lead_unit_id,
    leadUnitName: t.lead_unit_name ?? null,
    receivedAt: iso(t.received_at)!,
    deadline: iso(deadline),
    light: lightFor({ start, deadline, now }) ?? null,
    overdue: t.overdue,
    superviseLevel: t.supervise_level,
    returnCount: t.return_count,
    reopenCount: t.reopen_count,
    autoDispatched: t.auto_dispatched,
    contactPhone: showContact ? t.contact_phone : maskPhone(t.contact_phone),
    contactName: t.anonymous ? null : showContact ? t.contact_name : maskName(t.contact_name),
  };
}

export { iso };
