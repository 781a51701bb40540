// Default time limits for fresh installs and the demo: the shared starting set in
// src/orgs/defaults.ts (PRODUCT.md's public examples) plus the urgency rules below.
//
//   stage          urgency / type            limit
//   dispatch       emergency                 1 hour
//                  utility (水电气热)          2 hours
//                  any                       1 working day
//   sign           emergency                 1 hour
//                  utility                   2 hours
//                  any                       1 working day
//   reply          emergency                 24 hours
//                  utility                   24 hours (water, power, gas, heating cannot wait a week)
//                  complex                   15 working days, whatever the type
//                  consult / help / praise   3 / 5 / 5 working days
//                  complaint/report/suggest. 15 working days
//                  any                       15 working days
//   return_window  any                       2 working days from dispatch
//   redispatch     any                       4 hours from the return
//   callback       any                       2 working days from the reply
// Existing rows are never changed: an admin's edits survive re-seeding.
import type { Insertable, Kysely } from 'kysely';
import type { DB, TimeLimitPoliciesTable } from '../db/schema.ts';
import { DEFAULT_POLICIES } from '../orgs/defaults.ts';
import type { PolicyUnit, Stage } from '../contract/sla.ts';
import type { RequestType, Urgency } from '../contract/enums.ts';
import { findPolicyByKey, insertPolicy } from './policies.repo.ts';

export const SLA_EXTRA_POLICIES: Insertable<TimeLimitPoliciesTable>[] = [
  { stage: 'sign', urgency: 'utility', request_type: null, amount: 2, unit: 'hours', note: '水电气热及极端天气 2 小时内签收' },
  { stage: 'reply', urgency: 'utility', request_type: null, amount: 24, unit: 'hours', note: '水电气热及极端天气 24 小时内答复' },
  { stage: 'reply', urgency: 'complex', request_type: null, amount: 15, unit: 'working_days', note: '复杂事项 15 个工作日' },
];

/** Inserts every default policy whose (stage, urgency, type) has none yet; returns how many. */
export async function seedDefaultPolicies(db: Kysely<DB>): Promise<number> {
  let inserted = 0;
  for (const p of [...DEFAULT_POLICIES, ...SLA_EXTRA_POLICIES]) {
    const key = { stage: p.stage, urgency: p.urgency ?? null, requestType: p.request_type ?? null };
    if (await findPolicyByKey(db, key)) continue;
    await insertPolicy(db, {
      stage: key.stage as Stage,
      urgency: key.urgency as Urgency | null,
      requestType: key.requestType as RequestType | null,
      amount: Number(p.amount),
      unit: p.unit as PolicyUnit,
      note: p.note ?? null,
    });
    inserted++;
  }
  return inserted;
}
