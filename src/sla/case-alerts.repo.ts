// SQL for the sweep's proactive-case alerts: due cases, the row lock, claims and notifications.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Open cases with a deadline whose alert is due at `now` and not yet claimed for that deadline:
 * 'past' once the deadline has gone, 'near' when no more than `fraction` of the case's time is left.
 */
export async function findDueCases(db: Db, q: { kind: string; when: 'near' | 'past'; fraction: number; now: Date; limit: number }): Promise<string[]> {
  const due =
    q.when === 'past'
      ? sql`c.due_at < ${q.now}`
      : sql`c.due_at >= ${q.now} and c.due_at - (c.due_at - c.created_at) * ${q.fraction} <= ${q.now}`;
  const r = await sql<{ id: string }>`
    select c.id from hotspot_cases c
    where c.status = 'open' and c.due_at is not null and ${due}
      and not exists (select 1 from case_alerts a where a.case_id = c.id and a.kind = ${q.kind} and a.deadline = c.due_at)
    order by c.due_at, c.id
    limit ${q.limit}`.execute(db);
  return r.rows.map((x) => x.id);
}

export function lockCase(trx: Db, id: string) {
  return trx.selectFrom('hotspot_cases').select(['id', 'title', 'status', 'lead_unit_id', 'created_at', 'due_at']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Claims a case alert; true only for the one transaction that inserted it. */
export async function claimCaseAlert(trx: Db, a: { caseId: string; kind: string; deadline: Date; firedBy: string; now: Date }): Promise<boolean> {
  const r = await trx
    .insertInto('case_alerts')
    .values({ case_id: a.caseId, kind: a.kind, deadline: a.deadline, fired_by: a.firedBy, fired_at: a.now })
    .onConflict((oc) => oc.columns(['case_id', 'kind', 'deadline']).doNothing())
    .returning('case_id')
    .executeTakeFirst();
  return !!r;
}

export async function insertCaseNotification(trx: Db, n: { unitId: string | null; caseId: string; kind: string; body: string; now: Date }) {
  await trx.insertInto('notifications').values({ unit_id: n.unitId, case_id: n.caseId, kind: n.kind, body: n.body, created_at: n.now }).execute();
}
