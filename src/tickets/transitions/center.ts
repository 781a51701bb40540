// What the 12345 centre does: answer directly, refuse with a rule, transfer, dispatch and
// redispatch, merge, supervise, summon co-units, call back, reopen, close, exclude, note.
import { AppError } from '../../shared/errors.ts';
import { resolveRoute } from '../../dispatch/route.ts';
import { planDispatch } from '../dispatch-ticket.ts';
import { stageDeadline } from '../deadlines.ts';
import { appendEvent } from '../events.ts';
import { mergedInNote } from '../../contract/tickets.ts';
import { MAX_AUTO_REOPEN } from '../lifecycle.ts';
import { addCoUnits, categoryExists, findUnits, getTicket, mergedChildren, scopeRule, setTicketUnits, updateTicket } from '../tickets.repo.ts';
import type { Ctx, Handler, Outcome } from './context.ts';
import type { Ticket } from '../../db/schema.ts';

export const directAnswer: Handler<'direct_answer'> = async ({ body, now }) => ({
  patch: { reply_text: body.text, replied_at: now, closed_at: now, resolved: true },
  note: body.text,
  data: { kbArticleId: body.kbArticleId ?? null },
});

export const outOfScope: Handler<'out_of_scope'> = async ({ trx, body, now }) => {
  const rule = await scopeRule(trx, body.ruleCode);
  if (!rule) throw new AppError('unknown_rule', body.ruleCode);
  return {
    patch: { out_of_scope_rule: rule.code, excluded_from_rates: true, exclusion_reason: rule.title, closed_at: now, lead_unit_id: null },
    note: `${rule.title}：${rule.basis}${body.note ? `（${body.note}）` : ''}`,
    data: { ruleCode: rule.code },
  };
};

export const transfer: Handler<'transfer'> = async ({ body, now }) => ({
  patch: { closed_at: now, excluded_from_rates: true, exclusion_reason: `transferred to ${body.target}` },
  note: body.note ?? `已转${body.target}处置`,
  data: { target: body.target },
});

async function dispatchOutcome(ctx: Ctx, leadUnitId: string | undefined, coUnitIds: string[] | undefined, basis?: string, categoryCode?: string): Promise<Outcome> {
  const { deps, trx, t, now } = ctx;
  if (categoryCode && categoryCode !== t.category_code && !(await categoryExists(trx, categoryCode))) throw new AppError('unknown_category', categoryCode);
  const category = categoryCode ?? t.category_code;
  let lead = leadUnitId;
  let co = coUnitIds;
  let route: Awaited<ReturnType<typeof resolveRoute>> | null = null;
  if (!lead) {
    route = await resolveRoute(deps, { categoryCode: category, divisionCode: t.division_code });
    if (!route.leadUnitId) throw new AppError('unknown_unit', 'no unit found for this ticket');
    lead = route.leadUnitId;
    co = co ?? route.coUnitIds;
  }
  const plan = await planDispatch(deps, trx, { ...t, category_code: category }, { leadUnitId: lead, coUnitIds: co, basis, at: now });
  await setTicketUnits(trx, t.id, plan.leadUnitId, plan.coUnitIds, now);
  const recategorised = categoryCode && categoryCode !== t.category_code;
  return {
    patch: recategorised ? { ...plan.patch, category_code: categoryCode } : plan.patch,
    data: {
      leadUnitId: plan.leadUnitId, leadUnitName: plan.leadUnitName, coUnitIds: plan.coUnitIds, ruleId: route?.ruleId ?? null, fallback: route?.fallback ?? false, basis: basis ?? null,
      ...(recategorised ? { categoryCode, previousCategoryCode: t.category_code } : {}),
    },
  };
}

export const dispatch: Handler<'dispatch'> = async (ctx) => ({
  ...(await dispatchOutcome(ctx, ctx.body.leadUnitId, ctx.body.coUnitIds, ctx.body.basis, ctx.body.categoryCode)),
  note: ctx.body.note,
});

export const redispatch: Handler<'redispatch'> = async (ctx) => {
  const out = await dispatchOutcome(ctx, ctx.body.leadUnitId, ctx.body.coUnitIds, ctx.body.basis, ctx.body.categoryCode);
  return { ...out, patch: { ...out.patch, redispatch_count: ctx.t.redispatch_count + 1, pending_extension: null }, note: ctx.body.note };
};

export const merge: Handler<'merge'> = async ({ trx, t, actor, body, now }) => {
  if (body.masterId === t.id) throw new AppError('illegal_transition', 'cannot merge a ticket into itself');
  const master = await getTicket(trx, body.masterId);
  if (!master) throw new AppError('ticket_not_found', body.masterId);
  if (['merged', 'closed'].includes(master.status)) throw new AppError('illegal_transition', 'master ticket is not open');
  await appendEvent(trx, { ticketId: master.id, action: 'note', actor, at: now, note: mergedInNote(t.number), data: { mergedTicketId: t.id } });
  // duplicates already merged into this ticket follow it to the new master (closed with it, later)
  for (const child of await mergedChildren(trx, t.id)) {
    await trx.updateTable('tickets').set({ master_id: master.id }).where('id', '=', child.id).execute();
    await appendEvent(trx, { ticketId: child.id, action: 'note', actor, at: now, note: `主件 ${t.number} 并入 ${master.number}，随之并入`, data: { masterId: master.id, masterNumber: master.number } });
    await appendEvent(trx, { ticketId: master.id, action: 'note', actor, at: now, note: `${mergedInNote(child.number)}（随 ${t.number}）`, data: { mergedTicketId: child.id } });
  }
  await trx.updateTable('ticket_units').set({ role: 'former' }).where('ticket_id', '=', t.id).where('role', '=', 'lead').execute();
  return { patch: { master_id: master.id, lead_unit_id: null }, note: body.note ?? `并入 ${master.number}`, data: { masterId: master.id, masterNumber: master.number } };
};

export const supervise: Handler<'supervise'> = async ({ body }) => ({
  patch: { supervise_level: body.level },
  note: body.note ?? (body.level === 2 ? '挂牌督办' : '督办'),
  data: { level: body.level },
});

export const summon: Handler<'summon'> = async ({ trx, t, body, now }) => {
  const units = await findUnits(trx, body.unitIds);
  if (units.length !== new Set(body.unitIds).size || units.some((u) => !u.active)) throw new AppError('unknown_unit');
  await addCoUnits(trx, t.id, body.unitIds.filter((u) => u !== t.lead_unit_id), now);
  return { note: body.note ?? '吹哨报到', data: { unitIds: body.unitIds, unitNames: units.map((u) => u.name) } };
};

/** Back to the unit that had it, with fresh unit deadlines; to the dispatcher queue if none. */
async function reopenOutcome(ctx: Ctx, reason: string): Promise<{ patch: Outcome['patch']; toStatus: string; data: Record<string, unknown> }> {
  const { deps, trx, t, now } = ctx;
  const common = { reopen_count: t.reopen_count + 1, closed_at: null, replied_at: null, resolved: null, satisfaction: null, callback_deadline: null };
  if (!t.lead_unit_id) {
    return { patch: { ...common, dispatch_deadline: (await stageDeadline(deps, t, 'dispatch', now)) ?? now }, toStatus: 'received', data: { reason } };
  }
  const plan = await planDispatch(deps, trx, t, { leadUnitId: t.lead_unit_id, basis: 'reopen', at: now });
  return { patch: { ...common, ...plan.patch }, toStatus: 'dispatched', data: { reason, leadUnitId: plan.leadUnitId } };
}

export const callback: Handler<'callback'> = async (ctx) => {
  const { t, body, actor, now } = ctx;
  const out: Outcome = {
    patch: { resolved: body.resolved, satisfaction: body.satisfaction },
    note: body.note,
    data: { resolved: body.resolved, satisfaction: body.satisfaction, byCitizen: actor.role === 'citizen' },
  };
  const unhappy = !body.resolved || body.satisfaction === 'unsatisfied';
  if (unhappy && t.reopen_count < MAX_AUTO_REOPEN) {
    const r = await reopenOutcome(ctx, '群众不满意或问题未解决，重办');
    out.then = [{ action: 'reopen', toStatus: r.toStatus, actor, at: now, public: true, note: '回访不满意，自动重办', data: r.data }];
    out.patch = { ...r.patch, reopen_count: t.reopen_count + 1 };
  }
  return out;
};

export const reopen: Handler<'reopen'> = async (ctx) => {
  const r = await reopenOutcome(ctx, ctx.body.reason);
  return { patch: r.patch, toStatus: r.toStatus, note: ctx.body.reason, data: r.data };
};

export const close: Handler<'close'> = async ({ trx, t, actor, body, now }) => ({
  patch: { closed_at: now },
  note: body.note,
  after: () => closeMerged(trx, t, actor, now),
});

/** Duplicates follow their master: when it closes, so do they, with its reply. */
async function closeMerged(trx: Ctx['trx'], master: Ticket, actor: Ctx['actor'], now: Date) {
  const fresh = await getTicket(trx, master.id);
  for (const child of await mergedChildren(trx, master.id)) {
    await updateTicket(trx, child.id, { closed_at: now, reply_text: fresh?.reply_text ?? null, replied_at: fresh?.replied_at ?? null });
    await appendEvent(trx, { ticketId: child.id, action: 'close', toStatus: 'closed', actor, at: now, public: true, note: `随主件 ${master.number} 办结`, data: { viaMaster: master.id } });
  }
}

export const exclude: Handler<'exclude'> = async ({ body }) => ({
  patch: { excluded_from_rates: true, exclusion_reason: body.reason },
  note: body.reason,
});

export const note: Handler<'note'> = async ({ body }) => ({ note: body.note, attachments: body.attachments });
