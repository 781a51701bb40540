// Intake: one function for every channel. Validates, numbers, routes, sets deadlines and writes
// the ticket with its first events in one transaction; the caller acknowledges only after commit.
import { randomUUID } from 'node:crypto';
import type { Deps } from '../server/deps.ts';
import type { Actor } from '../auth/actor.ts';
import { SYSTEM_ACTOR, isVirtual } from '../auth/actor.ts';
import { mergedInNote, type CreateTicketBody } from '../contract/tickets.ts';
import type { Channel, EmergencyService, Status } from '../contract/enums.ts';
import type { NewTicket, Ticket } from '../db/schema.ts';
import { AppError } from '../shared/errors.ts';
import { resolveRoute } from '../dispatch/route.ts';
import { writeIntake, type IntakeWrite } from './intake-writer.ts';
import { categoryExists, divisionByCode, getTicket } from './tickets.repo.ts';
import { checkAttachable, claimAttachments } from '../attachments/attachments.ts';
import { appendEvent, chainEvents, type EventInput } from './events.ts';
import { planDispatch, type DispatchPlan } from './dispatch-ticket.ts';
import { stageDeadline, deadlinesView } from './deadlines.ts';
import { intakeHooks } from './intake-hooks.ts';

const STAFF_CHANNELS: Channel[] = ['hotline', 'web', 'h5', 'grid', 'mailbox', 'meeting', 'transfer110', 'open311', 'import'];
const CENTER = new Set(['agent', 'dispatcher', 'admin']);

function defaultChannel(actor: Actor | null): Channel {
  if (!actor || actor.role === 'citizen') return 'web';
  if (actor.role === 'grid') return 'grid';
  return 'hotline';
}

export function deriveTitle(content: string): string {
  const first = content.split(/[。！？!?\n]/).find((s) => s.trim().length > 0) ?? content;
  const t = first.trim();
  return [...t].length > 30 ? `${[...t].slice(0, 30).join('')}…` : t;
}

/** Codes seen to exist, per database, for a minute: intake checks them on every request. */
const KNOWN_TTL_MS = 60_000;
const knownCodes = new WeakMap<object, Map<string, number>>();
async function known(deps: Deps, kind: 'division' | 'category', code: string): Promise<boolean> {
  let m = knownCodes.get(deps.db);
  if (!m) knownCodes.set(deps.db, (m = new Map()));
  const key = `${kind}:${code}`;
  const at = m.get(key);
  if (at && Date.now() - at < KNOWN_TTL_MS) return true;
  const ok = kind === 'division' ? !!(await divisionByCode(deps.db, code)) : await categoryExists(deps.db, code);
  if (ok) m.set(key, Date.now());
  return ok;
}

export interface CreatedTicket {
  ticket: Ticket;
  leadUnitName: string | null;
  autoDispatched: boolean;
  /** the emergency service the text points to (IntakeHints.callNow), null when none */
  callNow: EmergencyService | null;
}

const RECEIVED_BACK_MS = 90 * 86_400_000;
const RECEIVED_AHEAD_MS = 5 * 60_000;

export async function createTicket(deps: Deps, actor: Actor | null, input: CreateTicketBody): Promise<CreatedTicket> {
  const isCenter = !!actor && CENTER.has(actor.role);
  const channel = input.channel ?? defaultChannel(actor);
  const viaOpen311 = !!actor && actor.username.startsWith('open311:'); // an Open311 client with its API key
  if (!isCenter && input.channel && !['web', 'h5', 'grid', 'mailbox'].includes(input.channel) && !(viaOpen311 && input.channel === 'open311')) {
    throw new AppError('forbidden', 'channel');
  }
  if (!isCenter && (input.leadUnitId || input.receivedAt || input.mergeInto || input.hold)) throw new AppError('forbidden');
  if (input.solvedOnSite && actor?.role !== 'grid' && !isCenter) throw new AppError('forbidden');
  if (input.solvedOnSite && !input.onSiteResult) throw new AppError('validation', 'say what was done on the spot (onSiteResult)');
  if (!STAFF_CHANNELS.includes(channel)) throw new AppError('validation', 'channel');

  // Validate references before taking a number.
  if (input.divisionCode && !(await known(deps, 'division', input.divisionCode))) throw new AppError('unknown_division', input.divisionCode);
  if (input.categoryCode && !(await known(deps, 'category', input.categoryCode))) throw new AppError('unknown_category', input.categoryCode);
  // only the caller's own uploads, or a form upload no ticket holds yet (an id seen elsewhere carries nothing)
  await checkAttachable(deps.db, actor && !isVirtual(actor) ? actor : null, input.attachments, null);
  if (input.mergeInto) {
    const master = await getTicket(deps.db, input.mergeInto);
    if (!master) throw new AppError('ticket_not_found', 'master ticket');
    if (master.status === 'merged' || master.status === 'closed') throw new AppError('illegal_transition', 'master ticket is not open');
  }

  const now = deps.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  // staff may record when a call or letter really came in, not invent one: up to 90 days back, not ahead
  // (history older than that is loaded with `lianxin import tickets`)
  if (input.receivedAt && (receivedAt.getTime() > now.getTime() + RECEIVED_AHEAD_MS || receivedAt.getTime() < now.getTime() - RECEIVED_BACK_MS)) {
    throw new AppError('validation', 'receivedAt must lie within the last 90 days and not in the future');
  }
  const who = actor ?? SYSTEM_ACTOR;
  // Understanding the text helps but must never cost a citizen their ticket.
  // Route by rule when a person chose the category, or when the classifier is confident enough.
  const staffCategory = !!actor && actor.role !== 'citizen' && !!input.categoryCode;
  const hints = await intakeHooks.analyze(deps, input, { category: !staffCategory }).catch((err: unknown) => {
    deps.log.warn({ err }, 'intake analysis failed; continuing without hints');
    return {} as Awaited<ReturnType<typeof intakeHooks.analyze>>;
  });
  const base = {
    request_type: input.type ?? hints.requestType ?? 'help',
    urgency: input.urgency ?? hints.urgency ?? 'general',
    category_code: input.categoryCode ?? null,
    // a grid worker reports from their own grid: when neither they nor the text name a place, it is theirs
    division_code: input.divisionCode ?? hints.divisionCode ?? (actor?.role === 'grid' ? actor.divisionCode : null) ?? null,
  };
  const id = randomUUID();
  const dispatchDeadline = await stageDeadline(deps, base, 'dispatch', receivedAt);

  // Decide what happens at intake: solved on the spot, merged, dispatched, or left for a dispatcher.
  const events: Omit<EventInput, 'ticketId'>[] = [
    { action: 'receive', toStatus: 'received', actor: who, at: receivedAt, public: true, attachments: input.attachments, data: { channel } },
  ];
  let plan: DispatchPlan | null = null;
  let status: Status = 'received';
  let autoDispatched = false;
  let autoConfidence: number | null = null;
  const extra: Partial<NewTicket> = {};

  if (input.solvedOnSite) {
    status = 'closed';
    extra.closed_at = now;
    extra.reply_text = input.onSiteResult!;
    extra.resolved = true;
    events.push({ action: 'direct_answer', toStatus: 'closed', actor: who, at: now, public: true, note: `现场处置办结：${input.onSiteResult}`, data: { onSite: true } });
  } else if (input.mergeInto) {
    status = 'merged';
    extra.master_id = input.mergeInto;
    events.push({ action: 'merge', toStatus: 'merged', actor: who, at: now, public: true, data: { masterId: input.mergeInto } });
  } else if (isCenter && input.hold) {
    // Left at 受理 on purpose: the agent answers, refuses or transfers it next.
  } else if (isCenter && input.leadUnitId) {
    plan = await planDispatch(deps, null, base, { leadUnitId: input.leadUnitId, coUnitIds: input.coUnitIds, at: now });
    events.push({ action: 'dispatch', toStatus: 'dispatched', actor: who, at: now, public: true, data: { leadUnitId: plan.leadUnitId, coUnitIds: plan.coUnitIds, manual: true } });
  } else {
    const category = staffCategory ? input.categoryCode! : hints.autoCategory?.code;
    if (category) {
      const route = await resolveRoute(deps, { categoryCode: category, divisionCode: base.division_code });
      // The model's category goes out alone only to a unit a rule names for it. With no rule, the
      // default government (兜底) is for matters whose owner a person could not identify, not for a
      // gap in the rules: the dispatcher decides, with the suggestions.
      if (route.leadUnitId && (staffCategory || !route.fallback)) {
        try {
          plan = await planDispatch(deps, null, { ...base, category_code: category }, { leadUnitId: route.leadUnitId, coUnitIds: route.coUnitIds, at: now });
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'not_whitelisted')) throw e;
        }
      }
      if (plan) {
        base.category_code = category;
        autoDispatched = !staffCategory;
        autoConfidence = autoDispatched ? hints.autoCategory!.confidence : null;
        events.push({
          action: autoDispatched ? 'auto_dispatch' : 'dispatch',
          toStatus: 'dispatched',
          actor: autoDispatched ? SYSTEM_ACTOR : who,
          at: now,
          public: true,
          data: { leadUnitId: plan.leadUnitId, coUnitIds: plan.coUnitIds, ruleId: route.ruleId, fallback: route.fallback, confidence: autoConfidence ?? undefined,
            keyword: autoDispatched ? hints.autoCategory!.keyword : undefined },
        });
      }
    }
    // No rule took it: the unit the history says handles such matters here, when the unit model is
    // sure enough on its own (its threshold: ≥ 95% right on held-out history).
    if (!plan && !staffCategory && hints.autoUnit) {
      const t = { ...base, category_code: hints.autoCategory?.code ?? null };
      try {
        plan = await planDispatch(deps, null, t, { leadUnitId: hints.autoUnit.unitId, coUnitIds: [], at: now });
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'not_whitelisted')) throw e;
      }
      if (plan) {
        base.category_code = t.category_code;
        autoDispatched = true;
        autoConfidence = hints.autoUnit.confidence;
        events.push({
          action: 'auto_dispatch', toStatus: 'dispatched', actor: SYSTEM_ACTOR, at: now, public: true,
          data: { leadUnitId: plan.leadUnitId, coUnitIds: plan.coUnitIds, unitModel: true, confidence: autoConfidence },
        });
      }
    }
  }
  if (plan) status = 'dispatched';

  const chain = chainEvents({ ticketId: id, seq: 0, prevHash: null, status: 'received' }, events, now);
  const values: IntakeWrite['ticket'] = {
    id,
    channel,
    ...base,
    title: input.title || deriveTitle(input.content),
    content: input.content,
    address: input.address ?? null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    contact_name: input.contact.anonymous ? null : (input.contact.name ?? null),
    contact_phone: input.contact.phone,
    contact_id_number: input.contact.idNumber ?? null,
    anonymous: input.contact.anonymous ?? false,
    confidential: input.contact.confidential ?? false,
    status,
    received_at: receivedAt,
    dispatch_deadline: dispatchDeadline,
    auto_dispatched: autoDispatched,
    auto_confidence: autoConfidence,
    created_by: actor && actor.role !== 'citizen' ? actor.id : null,
    citizen_user_id: actor?.role === 'citizen' && !viaOpen311 ? actor.id : null,
    last_hash: chain.lastHash,
    event_count: chain.seq,
    ...extra,
    ...(plan?.patch ?? {}),
  };

  const units = plan
    ? [plan.leadUnitId, ...plan.coUnitIds].map((u, i) => ({ ticket_id: id, unit_id: u, role: i === 0 ? 'lead' : 'co', assigned_at: now }))
    : [];
  const ticket = await writeIntake(deps.db, deps.dbKind, { ticket: values, events: chain.rows, units }, (err) => deps.log.warn({ err }, 'intake maintenance after commit failed'));
  if (input.attachments?.length) await claimAttachments(deps.db, input.attachments, ticket.id).catch((err: unknown) => deps.log.warn({ err }, 'could not record the attachments\' ticket'));
  if (input.mergeInto) {
    // the master's timeline tells its unit that another caller raised the same matter (as a merge later does)
    const masterId = input.mergeInto;
    await deps.db.transaction().execute((trx) => appendEvent(trx, {
      ticketId: masterId, action: 'note', actor: who, at: now, note: mergedInNote(ticket.number), data: { mergedTicketId: ticket.id },
    })).catch((err: unknown) => deps.log.warn({ err, masterId }, 'could not note the merge on the master ticket'));
  }
  return { ticket, leadUnitName: plan?.leadUnitName ?? null, autoDispatched, callNow: hints.callNow ?? null };
}

export function presentCreated(c: CreatedTicket) {
  return {
    id: c.ticket.id,
    number: c.ticket.number,
    status: c.ticket.status as Status,
    deadlines: deadlinesView(c.ticket),
    leadUnit: c.ticket.lead_unit_id ? { id: c.ticket.lead_unit_id, name: c.leadUnitName ?? '' } : null,
    autoDispatched: c.autoDispatched,
    callNow: c.callNow,
  };
}
