// Time-limit policies as data: which policy applies to a ticket at a stage, and admin changes.
// Policies are cached per database (stale-while-revalidate, see src/calendar/ttl-cache.ts); the
// node that changes them reloads at once, other nodes follow within about the TTL.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Deps } from '../server/deps.ts';
import type { PolicyUnit, Stage, TimeLimitPolicy } from '../contract/sla.ts';
import type { RequestType, Urgency } from '../contract/enums.ts';
import { AppError } from '../shared/errors.ts';
import { DbCache } from '../calendar/ttl-cache.ts';
import * as repo from './policies.repo.ts';

const cache = new DbCache<TimeLimitPolicy[]>((db) => repo.allPolicies(db as Kysely<DB>));

/** The policies of deps.db (which may be a transaction; see calendar/ttl-cache.ts). */
export function loadPolicies(deps: Pick<Deps, 'db'>): Promise<TimeLimitPolicy[]> {
  return cache.get(deps.db);
}
/** Reloads the policies now (after a change on this node). */
export async function invalidatePolicies(deps: Pick<Deps, 'db'>): Promise<void> {
  await cache.refresh(deps.db);
}

/**
 * The most specific policy for a stage: urgency + type, then urgency only, then type only, then
 * the stage default (neither). A policy's null urgency/type means "any".
 */
export function choosePolicy(
  policies: readonly TimeLimitPolicy[],
  k: { stage: Stage; urgency?: string | null; requestType?: string | null },
): TimeLimitPolicy | null {
  let best: TimeLimitPolicy | null = null;
  let bestScore = -1;
  for (const p of policies) {
    if (p.stage !== k.stage) continue;
    if (p.urgency !== null && p.urgency !== k.urgency) continue;
    if (p.requestType !== null && p.requestType !== k.requestType) continue;
    const score = (p.urgency !== null ? 2 : 0) + (p.requestType !== null ? 1 : 0);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

export async function listTimeLimitPolicies(deps: Deps, q: { stage?: Stage; page: number; pageSize: number }) {
  const { items, total } = await repo.listPolicies(deps.db, { stage: q.stage, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export interface PolicyInput {
  stage: Stage;
  urgency?: Urgency | null;
  requestType?: RequestType | null;
  amount: number;
  unit: PolicyUnit;
  note?: string | null;
}

export async function createTimeLimitPolicy(deps: Deps, input: PolicyInput): Promise<TimeLimitPolicy> {
  const key = { stage: input.stage, urgency: input.urgency ?? null, requestType: input.requestType ?? null };
  // The unique index cannot see NULLs as equal, so the key is checked here as well.
  if (await repo.findPolicyByKey(deps.db, key)) throw new AppError('duplicate', 'a policy for this stage, urgency and type exists');
  const p = await repo.insertPolicy(deps.db, { ...key, amount: input.amount, unit: input.unit, note: input.note || null });
  await invalidatePolicies(deps);
  return p;
}

export async function updateTimeLimitPolicy(deps: Deps, id: string, input: { amount: number; unit: PolicyUnit; note?: string | null }) {
  const p = await repo.updatePolicy(deps.db, id, { amount: input.amount, unit: input.unit, note: input.note || null });
  if (!p) throw new AppError('not_found', 'no such policy');
  await invalidatePolicies(deps);
  return p;
}

export async function deleteTimeLimitPolicy(deps: Deps, id: string): Promise<void> {
  if (!(await repo.deletePolicy(deps.db, id))) throw new AppError('not_found', 'no such policy');
  await invalidatePolicies(deps);
}
