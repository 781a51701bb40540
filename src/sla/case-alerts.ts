// The sweep's alerts for proactive cases (主动治理案件): the lead unit (or, without one, the centre)
// is reminded when a quarter of the case's time is left and told once it is overdue. Exactly once
// across nodes, as for tickets: lock the case row, re-check, claim (case, kind, deadline).
import type { Deps } from '../server/deps.ts';
import { shanghaiMinute } from '../calendar/shanghai.ts';
import type { CASE_ALERT_KINDS } from '../contract/sla.ts';
import { YELLOW_FRACTION } from './light.ts';
import { claimCaseAlert, findDueCases, insertCaseNotification, lockCase } from './case-alerts.repo.ts';

export type CaseAlertKind = (typeof CASE_ALERT_KINDS)[number];

interface CaseAlertSpec {
  kind: CaseAlertKind;
  when: 'near' | 'past';
  fraction: number;
  text: (title: string, deadline: string) => string;
}

export const CASE_ALERT_SPECS: CaseAlertSpec[] = [
  { kind: 'remind_case', when: 'near', fraction: YELLOW_FRACTION, text: (t, d) => `催办：主动治理案件「${t}」办结时限 ${d} 将到，请抓紧办理。` },
  { kind: 'overdue_case', when: 'past', fraction: 0, text: (t, d) => `超期：主动治理案件「${t}」已超过办结时限 ${d}，尚未办结。` },
];


type LockedCase = NonNullable<Awaited<ReturnType<typeof lockCase>>>;

/** The same test as the candidate query, on the locked row: the deadline the alert is for, or null. */
export function caseAlertDue(spec: CaseAlertSpec, c: LockedCase, now: Date): Date | null {
  if (c.status !== 'open' || !c.due_at) return null;
  const due = new Date(c.due_at).getTime();
  if (spec.when === 'past') return due < now.getTime() ? new Date(due) : null;
  const start = new Date(c.created_at).getTime();
  return due >= now.getTime() && due - (due - start) * spec.fraction <= now.getTime() ? new Date(due) : null;
}

async function fire(deps: Deps, spec: CaseAlertSpec, caseId: string, now: Date): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    if (!c) return false;
    const deadline = caseAlertDue(spec, c, now);
    if (!deadline) return false;
    if (!(await claimCaseAlert(trx, { caseId, kind: spec.kind, deadline, firedBy: deps.nodeId, now }))) return false;
    await insertCaseNotification(trx, { unitId: c.lead_unit_id, caseId, kind: spec.kind, body: spec.text(c.title, shanghaiMinute(deadline)), now });
    return true;
  });
}

/** One pass over the open cases; returns how many alerts of each kind this call fired. */
export async function sweepCases(deps: Deps, now: Date, batch = 500): Promise<Record<CaseAlertKind, number>> {
  const result: Record<CaseAlertKind, number> = { remind_case: 0, overdue_case: 0 };
  for (const spec of CASE_ALERT_SPECS) {
    for (let round = 0; round < 100; round++) {
      const ids = await findDueCases(deps.db, { kind: spec.kind, when: spec.when, fraction: spec.fraction, now, limit: batch });
      for (const id of ids) if (await fire(deps, spec, id, now)) result[spec.kind]++;
      if (ids.length < batch) break;
    }
  }
  return result;
}
