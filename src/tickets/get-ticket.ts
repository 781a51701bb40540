// One ticket as the viewer may see it: summary, content, deadlines, units, timeline, and the
// actions this viewer may take now. Full contact only where policy allows, and every such read is logged.
import type { Deps } from '../server/deps.ts';
import type { Actor } from '../auth/actor.ts';
import type { TicketDetail } from '../contract/tickets.ts';
import type { Satisfaction, Status } from '../contract/enums.ts';
import type { Ticket } from '../db/schema.ts';
import { canSeeTicket, contactVisible, maskIdNumber, mayAct, type TicketAccess } from '../auth/policy.ts';
import { AppError } from '../shared/errors.ts';
import { LIFECYCLE } from './lifecycle.ts';
import { deadlinesView } from './deadlines.ts';
import { CITIZEN_NOTE_ACTIONS, presentSummary, iso } from './present.ts';
import * as repo from './tickets.repo.ts';
import { unitNames } from '../orgs/units.repo.ts';

export function allowedActions(actor: Actor, t: Ticket, access: TicketAccess, now: Date): string[] {
  const out: string[] = [];
  for (const [action, rule] of Object.entries(LIFECYCLE)) {
    if (!rule.from.includes(t.status as Status) || !mayAct(actor, rule.who, access)) continue;
    if (action === 'return' && t.return_deadline && now > t.return_deadline) continue;
    if (action === 'extension_request' && (t.pending_extension || (t.reply_deadline && now >= t.reply_deadline))) continue;
    if ((action === 'extension_approve' || action === 'extension_deny') && !t.pending_extension) continue;
    if (action === 'pass_down' && !actor.unitId) continue;
    out.push(action);
  }
  return out;
}

type EventRow = Awaited<ReturnType<typeof repo.events>>[number];
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * Events written at intake name the unit (dispatch, auto_dispatch) and the master ticket (merge)
 * by id only; the timeline shows names, so they are looked up here (the stored, hashed event is
 * not changed): data gains leadUnitName / masterNumber where it lacks them, and a 并案 note the
 * merged ticket's number (mergedNumber), so the timeline can say it in the reader's language.
 */
async function eventNames(deps: Deps, events: EventRow[]) {
  const datas = events.map((e) => (e.data ?? {}) as Record<string, unknown>);
  const unitIds = [...new Set(datas.filter((d) => str(d.leadUnitId) && !str(d.leadUnitName)).map((d) => d.leadUnitId as string))];
  const masterIds = [...new Set([
    ...datas.filter((d) => str(d.masterId) && !str(d.masterNumber)).map((d) => d.masterId as string),
    ...datas.filter((d) => str(d.mergedTicketId)).map((d) => d.mergedTicketId as string),
  ])];
  const [unitRows, masters] = await Promise.all([unitNames(deps.db, unitIds), repo.ticketNumbersByIds(deps.db, masterIds)]);
  const units = new Map(unitRows.map((u) => [u.id, u.name]));
  return (d: Record<string, unknown>): Record<string, unknown> => {
    const out = { ...d };
    if (str(d.leadUnitId) && !str(d.leadUnitName) && units.has(d.leadUnitId)) out.leadUnitName = units.get(d.leadUnitId);
    if (str(d.masterId) && !str(d.masterNumber) && masters.has(d.masterId)) out.masterNumber = masters.get(d.masterId);
    if (str(d.mergedTicketId) && masters.has(d.mergedTicketId)) out.mergedNumber = masters.get(d.mergedTicketId);
    return out;
  };
}

/** `id`: the ticket's id, or its number (LX…). */
/** What of an event's data a citizen's timeline names: units and ticket numbers, not the routing's ids or scores. */
const CITIZEN_DATA = ['leadUnitName', 'toUnitName', 'masterNumber', 'mergedNumber', 'days', 'channel', 'onSite', 'target'];
const forCitizen = (d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).filter(([k]) => CITIZEN_DATA.includes(k)));

export async function getTicketDetail(deps: Deps, actor: Actor, id: string): Promise<TicketDetail> {
  const key = id.replace(/\s+/g, '');
  const t = /^[A-Za-z]{2}[0-9]{14}$/.test(key) ? await repo.getTicketByNumber(deps.db, key.toUpperCase())
    : /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key) ? await repo.getTicket(deps.db, key) : undefined;
  if (!t) throw new AppError('ticket_not_found');
  const access = await repo.loadAccess(deps.db, t);
  if (!canSeeTicket(actor, access)) throw new AppError('ticket_not_found');
  const showContact = contactVisible(actor, access);
  if (showContact && (t.contact_phone || t.contact_name)) await repo.logPiiAccess(deps.db, actor.id, t.id);
  // a citizen reads their own ticket as tracking shows it: citizen-visible events only, staff by
  // their unit (not by name), notes only where written for the citizen, nothing internal
  const citizen = actor.role === 'citizen';
  const [labels, leadUnitName, coUnits, events] = await Promise.all([
    repo.labelsFor(deps.db, t),
    repo.unitName(deps.db, t.lead_unit_id),
    repo.coUnits(deps.db, t.id),
    repo.events(deps.db, t.id, citizen),
  ]);
  const attachmentIds = [...new Set(events.flatMap((e) => (e.attachments as string[]) ?? []))];
  const [attachments, named] = await Promise.all([repo.attachmentsInfo(deps.db, attachmentIds), eventNames(deps, events)]);
  const now = deps.now();
  const pe = t.pending_extension;
  return {
    ...presentSummary({ ...t, category_name: labels.categoryName, division_name: labels.divisionName, lead_unit_name: leadUnitName }, now, showContact),
    content: t.content,
    address: t.address,
    lat: t.lat,
    lng: t.lng,
    anonymous: t.anonymous,
    confidential: t.confidential,
    contactIdNumber: showContact ? t.contact_id_number : maskIdNumber(t.contact_id_number),
    contactVisible: showContact,
    masterId: t.master_id,
    deadlines: deadlinesView(t),
    coUnits,
    replyText: t.reply_text,
    resolved: t.resolved,
    satisfaction: t.satisfaction as Satisfaction | null,
    excludedFromRates: t.excluded_from_rates,
    outOfScopeRule: t.out_of_scope_rule,
    pendingExtension: pe && !citizen ? { days: pe.days, reason: pe.reason, requestedAt: pe.requestedAt } : null,
    autoConfidence: citizen ? null : t.auto_confidence,
    ...(citizen ? { excludedFromRates: false } : {}),
    attachments,
    events: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      at: iso(e.at)!,
      actorName: e.actor_role === 'system' ? '系统' : citizen && e.actor_role !== 'citizen' ? null : (e.actor_name ?? null),
      actorRole: e.actor_role,
      unitName: e.unit_name ?? null,
      note: citizen && !CITIZEN_NOTE_ACTIONS.has(e.action) ? null : e.note,
      data: citizen ? forCitizen(named((e.data ?? {}) as Record<string, unknown>)) : named((e.data ?? {}) as Record<string, unknown>),
      attachments: (e.attachments as string[]) ?? [],
      public: e.public,
    })),
    allowedActions: allowedActions(actor, t, access, now),
  };
}
