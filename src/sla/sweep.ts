// The SLA sweep (job `sla.sweep`, scheduled every minute):
//   remind_dispatch / overdue_dispatch  the centre's dispatch time for a received ticket
//                               (≤ 25% left / passed; overdue also sets tickets.overdue)
//   remind_sign / remind_reply  催办 when ≤ 25% of the sign-for / reply time is left
//   overdue_sign / overdue_reply  the deadline passed while the ticket is still in the stage
//                                 (dispatched → sign deadline; signed/handling → reply deadline):
//                                 tickets.overdue = true
//   callback_task               a replied ticket's callback deadline is near: the centre calls back
//   remind_supervised           督办 / 挂牌督办 tickets get an extra reminder when half the reply
//                               time is gone
//   remind_case / overdue_case  a proactive case's lead unit (case-alerts.ts): ≤ 25% of its time
//                               left / its deadline passed while it is still open
// Exactly once across nodes: for each ticket the sweep locks the row, re-checks, and claims the
// alert (ticket_id, kind, deadline) with insert … on conflict do nothing. Only the transaction
// that inserted it writes the notification and the chained ticket event, in the same commit.
import { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { appendEvent } from '../tickets/events.ts';
import { defineJob, type JobModule } from '../jobs/registry.ts';
import { shanghaiMinute } from '../calendar/shanghai.ts';
import type { TICKET_ALERT_KINDS } from '../contract/sla.ts';
import { YELLOW_FRACTION } from './light.ts';
import { sweepCases, type CaseAlertKind } from './case-alerts.ts';
import { claimAlert, findCandidates, insertNotification, lockTicket, markOverdue } from './sweep.repo.ts';

export type AlertKind = (typeof TICKET_ALERT_KINDS)[number];
type DeadlineCol = 'dispatch_deadline' | 'sign_deadline' | 'reply_deadline' | 'callback_deadline';

export interface AlertSpec {
  kind: AlertKind;
  statuses: string[];
  deadline: DeadlineCol;
  /** Start of the stage, for "near" alerts. */
  start?: 'received_at' | 'dispatched_at' | 'replied_at';
  when: 'near' | 'past';
  fraction: number;
  action: 'remind' | 'overdue';
  /** Only tickets under supervision (督办, supervise_level > 0). */
  supervisedOnly?: boolean;
  /** Who is told: the lead unit, or the centre (unit_id null). */
  notify: 'unit' | 'center';
  text: (number: string, deadline: string) => string;
}


export const ALERT_SPECS: AlertSpec[] = [
  {
    kind: 'remind_dispatch', statuses: ['received'], deadline: 'dispatch_deadline', start: 'received_at', when: 'near', fraction: YELLOW_FRACTION,
    action: 'remind', notify: 'center', text: (n, d) => `催办：工单 ${n} 派单时限 ${d} 将到，请尽快派单。`,
  },
  {
    kind: 'overdue_dispatch', statuses: ['received'], deadline: 'dispatch_deadline', when: 'past', fraction: 0,
    action: 'overdue', notify: 'center', text: (n, d) => `超期：工单 ${n} 已超过派单时限 ${d}，尚未派单。`,
  },
  {
    kind: 'remind_sign', statuses: ['dispatched'], deadline: 'sign_deadline', start: 'dispatched_at', when: 'near', fraction: YELLOW_FRACTION,
    action: 'remind', notify: 'unit', text: (n, d) => `催办：工单 ${n} 签收时限 ${d} 将到，请尽快签收。`,
  },
  {
    kind: 'remind_reply', statuses: ['signed', 'handling'], deadline: 'reply_deadline', start: 'dispatched_at', when: 'near', fraction: YELLOW_FRACTION,
    action: 'remind', notify: 'unit', text: (n, d) => `催办：工单 ${n} 答复时限 ${d} 将到，请抓紧办理并答复。`,
  },
  {
    kind: 'overdue_sign', statuses: ['dispatched'], deadline: 'sign_deadline', when: 'past', fraction: 0,
    action: 'overdue', notify: 'unit', text: (n, d) => `超期：工单 ${n} 已超过签收时限 ${d}。`,
  },
  {
    kind: 'overdue_reply', statuses: ['signed', 'handling'], deadline: 'reply_deadline', when: 'past', fraction: 0,
    action: 'overdue', notify: 'unit', text: (n, d) => `超期：工单 ${n} 已超过答复时限 ${d}。`,
  },
  {
    kind: 'callback_task', statuses: ['replied'], deadline: 'callback_deadline', start: 'replied_at', when: 'near', fraction: YELLOW_FRACTION,
    action: 'remind', notify: 'center', text: (n, d) => `回访任务：工单 ${n} 已答复，请于 ${d} 前完成回访。`,
  },
  {
    kind: 'remind_supervised', statuses: ['dispatched', 'signed', 'handling'], deadline: 'reply_deadline', start: 'dispatched_at', when: 'near',
    fraction: 0.5, supervisedOnly: true, action: 'remind', notify: 'unit',
    text: (n, d) => `督办提醒：工单 ${n} 为督办件，答复时限 ${d} 已过半，请加快办理。`,
  },
];

type LockedTicket = NonNullable<Awaited<ReturnType<typeof lockTicket>>>;

/** The same test as the candidate query, on the locked row. */
export function alertDue(spec: AlertSpec, t: LockedTicket, now: Date): Date | null {
  if (!spec.statuses.includes(t.status)) return null;
  if (spec.supervisedOnly && !(t.supervise_level > 0)) return null;
  const deadline = t[spec.deadline];
  if (!deadline) return null;
  const dl = new Date(deadline).getTime();
  if (spec.when === 'past') return dl < now.getTime() ? new Date(dl) : null;
  const start = t[spec.start!];
  if (!start) return null;
  const yellow = dl - (dl - new Date(start).getTime()) * spec.fraction;
  return yellow <= now.getTime() && now.getTime() <= dl ? new Date(dl) : null;
}

/** Fires one alert for one ticket if it is still due and nobody fired it; true if this call did. */
async function fire(deps: Deps, spec: AlertSpec, ticketId: string, now: Date): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const t = await lockTicket(trx, ticketId);
    if (!t) return false;
    const deadline = alertDue(spec, t, now);
    if (!deadline) return false;
    if (!(await claimAlert(trx, { ticketId, kind: spec.kind, deadline, firedBy: deps.nodeId, now }))) return false;
    if (spec.action === 'overdue') await markOverdue(trx, ticketId);
    const body = spec.text(t.number, shanghaiMinute(deadline));
    await insertNotification(trx, { unitId: spec.notify === 'unit' ? t.lead_unit_id : null, ticketId, kind: spec.kind, body, now });
    await appendEvent(trx, {
      ticketId, action: spec.action, actor: SYSTEM_ACTOR, note: body, at: now,
      data: { kind: spec.kind, deadline: deadline.toISOString(), unitId: t.lead_unit_id },
    });
    return true;
  });
}

export type SweepResult = Record<AlertKind | CaseAlertKind, number>;

/** One sweep over every alert kind. Safe to run on several nodes at once. */
export async function runSlaSweep(deps: Deps, opts: { batch?: number; now?: Date } = {}): Promise<SweepResult> {
  const now = opts.now ?? deps.now();
  const batch = opts.batch ?? 500;
  const result = Object.fromEntries(ALERT_SPECS.map((s) => [s.kind, 0])) as SweepResult;
  for (const spec of ALERT_SPECS) {
    // Fired alerts drop out of the candidate query, so each round sees new tickets only.
    for (let round = 0; round < 100; round++) {
      const ids = await findCandidates(deps.db, spec, now, batch);
      for (const id of ids) if (await fire(deps, spec, id, now)) result[spec.kind]++;
      if (ids.length < batch) break;
    }
  }
  Object.assign(result, await sweepCases(deps, now, batch));
  const fired = Object.values(result).reduce((a, b) => a + b, 0);
  if (fired) deps.log.info({ sweep: result }, 'SLA sweep fired alerts');
  return result;
}

export const slaSweepJob = defineJob({
  name: 'sla.sweep',
  schema: z.object({}),
  maxAttempts: 3,
  lockSeconds: 600,
  handler: async (deps) => {
    await runSlaSweep(deps);
  },
});

export const slaJobs: JobModule = (r) => {
  r.register(slaSweepJob).every(60, 'sla.sweep');
};
