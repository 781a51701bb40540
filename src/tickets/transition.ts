// Applies one transition to a ticket: lock, check the lifecycle and the policy, run the
// action's handler, write its patch and its chained event(s), all in one transaction.
import { checkAttachable, claimAttachments } from '../attachments/attachments.ts';
import type { Deps } from '../server/deps.ts';
import type { Actor } from '../auth/actor.ts';
import type { TransitionBody } from '../contract/tickets.ts';
import type { Status } from '../contract/enums.ts';
import { canSeeTicket, mayAct } from '../auth/policy.ts';
import { AppError } from '../shared/errors.ts';
import { LIFECYCLE } from './lifecycle.ts';
import { appendEvents } from './events.ts';
import { getTicket, loadAccess, updateTicket } from './tickets.repo.ts';
import type { Ctx, EventItem, Handler, Outcome } from './transitions/context.ts';
import * as center from './transitions/center.ts';
import * as unit from './transitions/unit.ts';
import type { Ticket } from '../db/schema.ts';

const HANDLERS: { [A in TransitionBody['action']]: Handler<A> } = {
  direct_answer: center.directAnswer,
  out_of_scope: center.outOfScope,
  transfer: center.transfer,
  dispatch: center.dispatch,
  redispatch: center.redispatch,
  merge: center.merge,
  supervise: center.supervise,
  summon: center.summon,
  callback: center.callback,
  reopen: center.reopen,
  close: center.close,
  exclude: center.exclude,
  note: center.note,
  sign: unit.sign,
  progress: unit.progress,
  pass_down: unit.passDown,
  reply: unit.reply,
  return: unit.returnTicket,
  extension_request: unit.extensionRequest,
  extension_approve: unit.extensionApprove,
  extension_deny: unit.extensionDeny,
};

export interface TransitionOptions {
  /** The caller proved the right to act as the ticket's citizen (number + phone check). */
  citizenVerified?: boolean;
}

export async function applyTransition(deps: Deps, actor: Actor, ticketId: string, body: TransitionBody, opts: TransitionOptions = {}): Promise<Ticket> {
  return deps.db.transaction().execute(async (trx) => {
    const t = await getTicket(trx, ticketId, true);
    if (!t) throw new AppError('ticket_not_found');
    const access = await loadAccess(trx, t);
    const citizen = actor.role === 'citizen' && (opts.citizenVerified || t.citizen_user_id === actor.id);
    if (!citizen && !canSeeTicket(actor, access)) throw new AppError('ticket_not_found');
    const rule = LIFECYCLE[body.action];
    if (!(citizen && rule.who.includes('citizen')) && !mayAct(actor, rule.who, access)) throw new AppError('forbidden');
    if (!rule.from.includes(t.status as Status)) {
      throw new AppError('illegal_transition', `${body.action} is not allowed when the ticket is ${t.status}`, { status: t.status, action: body.action });
    }
    // files cited must be the actor's own uploads (or a form upload no other ticket holds)
    const cited = (body as { attachments?: string[] }).attachments;
    await checkAttachable(trx, actor, cited, t.id);
    const now = deps.now();
    // Everything the handlers read goes through this transaction (PGlite has one connection).
    const txDeps = { ...deps, db: trx };
    const ctx: Ctx = { deps: txDeps, trx, t, actor, access, body, now };
    const out: Outcome = await (HANDLERS[body.action] as Handler<typeof body.action>)(ctx as never);
    if (out.patch && Object.keys(out.patch).length) await updateTicket(trx, t.id, { ...out.patch, updated_at: now });
    const main: EventItem = {
      action: body.action,
      toStatus: out.toStatus ?? rule.to ?? undefined,
      actor,
      at: now,
      note: out.note ?? null,
      data: out.data,
      attachments: out.attachments,
      public: out.public ?? rule.public,
    };
    await appendEvents(trx, t.id, [main, ...(out.then ?? [])], now);
    await claimAttachments(trx, out.attachments, t.id);
    await out.after?.();
    return (await getTicket(trx, t.id))!;
  });
}
