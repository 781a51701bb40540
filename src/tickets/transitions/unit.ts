// What the handling unit does: sign for, report progress, pass down, reply, return, ask for more time.
import { AppError } from '../../shared/errors.ts';
import { loadCalendar } from '../../calendar/load-calendar.ts';
import { planDispatch } from '../dispatch-ticket.ts';
import { stageDeadline } from '../deadlines.ts';
import { findUnits, setTicketUnits } from '../tickets.repo.ts';
import type { Handler } from './context.ts';

export const sign: Handler<'sign'> = async ({ now, body }) => ({ patch: { signed_at: now, overdue: false }, note: body.note });

export const progress: Handler<'progress'> = async ({ body }) => ({
  note: body.note,
  attachments: body.attachments,
  public: body.public ?? true,
});

export const passDown: Handler<'pass_down'> = async ({ deps, trx, t, actor, body, now }) => {
  const [target] = await findUnits(trx, [body.unitId]);
  if (!target || !target.active) throw new AppError('unknown_unit');
  if (!actor.unitPath || target.id === actor.unitId || !target.path.startsWith(actor.unitPath)) {
    throw new AppError('forbidden', 'can only pass down to a sub-unit');
  }
  const plan = await planDispatch(deps, trx, t, { leadUnitId: target.id, basis: body.basis, at: now });
  await setTicketUnits(trx, t.id, target.id, [], now);
  // The citizen's reply deadline does not move when a unit passes the work down.
  const { reply_deadline: _keep, ...patch } = plan.patch;
  return { patch: { ...patch, reply_deadline: t.reply_deadline }, note: body.note, data: { fromUnitId: actor.unitId, toUnitId: target.id, toUnitName: target.name } };
};

export const reply: Handler<'reply'> = async ({ deps, t, body, now }) => ({
  patch: {
    reply_text: body.text,
    replied_at: now,
    overdue: false,
    pending_extension: null,
    callback_deadline: await stageDeadline(deps, t, 'callback', now),
  },
  note: body.text,
  attachments: body.attachments,
  data: { late: !!t.reply_deadline && now > t.reply_deadline },
});

export const returnTicket: Handler<'return'> = async ({ deps, trx, t, actor, body, now }) => {
  if (t.return_deadline && now > t.return_deadline) throw new AppError('return_window_closed');
  await trx.updateTable('ticket_units').set({ role: 'former' }).where('ticket_id', '=', t.id).where('role', '=', 'lead').execute();
  return {
    patch: {
      lead_unit_id: null, return_count: t.return_count + 1, signed_at: null, pending_extension: null, overdue: false,
      // The centre must send it on again within the redispatch limit.
      dispatch_deadline: (await stageDeadline(deps, t, 'redispatch', now)) ?? now,
    },
    note: body.reason,
    data: { unitId: actor.unitId, reason: body.reason, basis: body.basis ?? null },
  };
};

export const extensionRequest: Handler<'extension_request'> = async ({ t, actor, body, now }) => {
  if (t.pending_extension) throw new AppError('extension_pending');
  if (t.reply_deadline && now >= t.reply_deadline) throw new AppError('deadline_passed');
  return {
    patch: { pending_extension: JSON.stringify({ requestedBy: actor.id, requestedAt: now.toISOString(), days: body.days, reason: body.reason }) },
    note: body.reason,
    data: { days: body.days },
  };
};

export const extensionApprove: Handler<'extension_approve'> = async ({ deps, t, body, now }) => {
  const p = t.pending_extension;
  if (!p) throw new AppError('illegal_transition', 'no pending extension');
  const cal = await loadCalendar(deps);
  const base = t.reply_deadline ?? now;
  const reply_deadline = cal.addWorkingDays(new Date(base), p.days);
  return {
    patch: { reply_deadline, pending_extension: null, extension_count: t.extension_count + 1, overdue: false },
    note: body.note,
    data: { days: p.days, from: new Date(base).toISOString(), to: reply_deadline.toISOString() },
  };
};

export const extensionDeny: Handler<'extension_deny'> = async ({ t, body }) => {
  if (!t.pending_extension) throw new AppError('illegal_transition', 'no pending extension');
  return { patch: { pending_extension: null }, note: body.note, data: { days: t.pending_extension.days } };
};
