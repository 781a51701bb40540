// SQL for time-limit policies (table time_limit_policies).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { PolicyUnit, Stage, TimeLimitPolicy } from '../contract/sla.ts';
import type { RequestType, Urgency } from '../contract/enums.ts';

const COLS = ['id', 'stage', 'urgency', 'request_type', 'amount', 'unit', 'note'] as const;
type Row = { id: string; stage: string; urgency: string | null; request_type: string | null; amount: number | string; unit: string; note: string | null };
const toPolicy = (r: Row): TimeLimitPolicy => ({
  id: r.id,
  stage: r.stage as Stage,
  urgency: r.urgency as Urgency | null,
  requestType: r.request_type as RequestType | null,
  amount: Number(r.amount),
  unit: r.unit as PolicyUnit,
  note: r.note,
});

export async function allPolicies(db: Kysely<DB>): Promise<TimeLimitPolicy[]> {
  return (await db.selectFrom('time_limit_policies').select(COLS).execute()).map(toPolicy);
}

export async function listPolicies(db: Kysely<DB>, q: { stage?: string; limit: number; offset: number }) {
  let base = db.selectFrom('time_limit_policies');
  if (q.stage) base = base.where('stage', '=', q.stage);
  const [rows, count] = await Promise.all([
    base.select(COLS).orderBy('stage').orderBy('urgency').orderBy('request_type').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toPolicy), total: Number(count.n) };
}

/** The policy with exactly this key (null matches null), if any. */
export async function findPolicyByKey(db: Kysely<DB>, k: { stage: string; urgency: string | null; requestType: string | null }) {
  const r = await db
    .selectFrom('time_limit_policies')
    .select(COLS)
    .where('stage', '=', k.stage)
    .where((eb) => (k.urgency === null ? eb('urgency', 'is', null) : eb('urgency', '=', k.urgency)))
    .where((eb) => (k.requestType === null ? eb('request_type', 'is', null) : eb('request_type', '=', k.requestType)))
    .executeTakeFirst();
  return r && toPolicy(r);
}

export async function insertPolicy(db: Kysely<DB>, p: Omit<TimeLimitPolicy, 'id'>): Promise<TimeLimitPolicy> {
  const r = await db
    .insertInto('time_limit_policies')
    .values({ stage: p.stage, urgency: p.urgency, request_type: p.requestType, amount: p.amount, unit: p.unit, note: p.note })
    .returning(COLS)
    .executeTakeFirstOrThrow();
  return toPolicy(r);
}

export async function updatePolicy(db: Kysely<DB>, id: string, p: { amount: number; unit: string; note: string | null }) {
  const r = await db.updateTable('time_limit_policies').set(p).where('id', '=', id).returning(COLS).executeTakeFirst();
  return r && toPolicy(r);
}

export async function deletePolicy(db: Kysely<DB>, id: string): Promise<boolean> {
  return !!(await db.deleteFrom('time_limit_policies').where('id', '=', id).returning('id').executeTakeFirst());
}
