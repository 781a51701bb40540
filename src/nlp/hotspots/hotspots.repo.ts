// SQL for hotspots: the tickets of a period and place, and proactive cases with their members.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CaseScope } from '../../auth/policy.ts';

export interface HotTicketRow {
  id: string;
  number: string;
  title: string;
  content: string;
  status: string;
  received_at: Date;
  division_code: string | null;
  division_path: string | null;
  contact_phone: string | null;
  category_code: string | null;
  support: number;
  lead_unit_id: string | null;
  lead_unit_name: string | null;
}

/** Tickets received in [from, to) under `path` (merged ones count as support of their master). */
export async function ticketsForHotspots(
  db: Kysely<DB>,
  input: { path: string | null; from: Date; to: Date; limit: number },
): Promise<HotTicketRow[]> {
  const r = await sql<HotTicketRow>`
    select t.id, t.number, t.title, t.content, t.status, t.received_at, t.division_code, d.path as division_path, t.category_code, t.contact_phone,
      (select count(*) from tickets c where c.master_id = t.id and c.status = 'merged')::int as support,
      t.lead_unit_id, u.name as lead_unit_name
    from tickets t left join divisions d on d.code = t.division_code left join units u on u.id = t.lead_unit_id
    -- praise is no problem to solve: a hotspot is a shared problem (每月一题, 未诉先办)
    where t.received_at >= ${input.from} and t.received_at < ${input.to} and t.status <> 'merged' and t.request_type <> 'praise'
      ${input.path ? sql`and d.path like ${`${input.path}%`}` : sql``}
    order by t.received_at desc
    limit ${input.limit}`.execute(db);
  return r.rows;
}

export async function divisionByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('divisions').select(['code', 'name', 'path']).where('code', '=', code).executeTakeFirst();
}

export async function ticketsInScope(db: Kysely<DB>, ids: string[]): Promise<{ id: string; division_path: string | null }[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('tickets as t')
    .leftJoin('divisions as d', 'd.code', 't.division_code')
    .select(['t.id', 'd.path as division_path'])
    .where('t.id', 'in', ids)
    .execute();
}

export async function insertCase(
  db: Kysely<DB>,
  row: {
    title: string; division_code: string | null; note: string | null; score: Record<string, unknown>; period_from: Date | null; period_to: Date | null;
    created_by: string; lead_unit_id: string | null; due_at: Date | null;
  },
  ticketIds: string[],
  /** More work in the same transaction once the case exists (the members' timeline events). */
  andThen?: (trx: Transaction<DB>, caseId: string) => Promise<void>,
) {
  return db.transaction().execute(async (trx) => {
    const c = await trx.insertInto('hotspot_cases').values({ ...row, score: JSON.stringify(row.score) }).returningAll().executeTakeFirstOrThrow();
    await trx.insertInto('hotspot_case_members').values(ticketIds.map((ticket_id) => ({ case_id: c.id, ticket_id }))).execute();
    await andThen?.(trx, c.id);
    return c;
  });
}

const CASE_COLUMNS = [
  'c.id', 'c.title', 'c.division_code', 'c.status', 'c.note', 'c.score', 'c.period_from', 'c.period_to', 'c.created_by', 'c.created_at',
  'c.result', 'c.closed_at', 'c.closed_by', 'c.progress_count', 'c.lead_unit_id', 'c.due_at', 'u.name as lead_unit_name',
] as const;

const cases = (db: Kysely<DB>) =>
  db.selectFrom('hotspot_cases as c').leftJoin('divisions as d', 'd.code', 'c.division_code').leftJoin('units as u', 'u.id', 'c.lead_unit_id');

export async function listCases(db: Kysely<DB>, input: { scope: CaseScope; offset: number; limit: number }) {
  const s = input.scope;
  let q = cases(db);
  if (s.kind === 'none') q = q.where(sql<boolean>`false`);
  else if (s.kind === 'unit') q = q.where('u.path', 'like', `${s.path}%`);
  else if (s.path) q = q.where((eb) => eb.or([eb('d.path', 'like', `${s.path}%`), eb('c.division_code', 'is', null)]));
  const [items, total] = await Promise.all([
    q
      .select(CASE_COLUMNS)
      .select((eb) => eb.selectFrom('hotspot_case_members as m').whereRef('m.case_id', '=', 'c.id').select(eb.fn.countAll<number>().as('n')).as('member_count'))
      .orderBy('c.created_at', 'desc')
      .offset(input.offset)
      .limit(input.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function getCase(db: Kysely<DB>, id: string) {
  return cases(db)
    .select([...CASE_COLUMNS, 'd.path as division_path', 'u.path as lead_unit_path'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function caseMembers(db: Kysely<DB>, caseId: string) {
  return db
    .selectFrom('hotspot_case_members as m')
    .innerJoin('tickets as t', 't.id', 'm.ticket_id')
    .select(['t.id', 't.number', 't.title', 't.status', 't.division_code', 't.received_at'])
    .where('m.case_id', '=', caseId)
    .orderBy('t.received_at')
    .execute();
}

/** Counts a progress note on an open case (the row lock also orders it against a concurrent close); false when not open. */
export async function countCaseProgress(trx: Transaction<DB>, id: string): Promise<boolean> {
  const r = await trx.updateTable('hotspot_cases').set((eb) => ({ progress_count: eb('progress_count', '+', 1) }))
    .where('id', '=', id).where('status', '=', 'open').returning('id').executeTakeFirst();
  return !!r;
}

/** Closes an open case with its result; false when it was not open (closed meanwhile). */
export async function closeCase(trx: Transaction<DB>, id: string, input: { result: string; closedBy: string; at: Date }): Promise<boolean> {
  const r = await trx.updateTable('hotspot_cases').set({ status: 'closed', result: input.result, closed_by: input.closedBy, closed_at: input.at })
    .where('id', '=', id).where('status', '=', 'open').returning('id').executeTakeFirst();
  return !!r;
}

export async function caseMemberIds(db: Kysely<DB>, caseId: string): Promise<string[]> {
  const rows = await db.selectFrom('hotspot_case_members').select('ticket_id').where('case_id', '=', caseId).orderBy('ticket_id').execute();
  return rows.map((r) => r.ticket_id);
}

export function inTransaction<T>(db: Kysely<DB>, f: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(f);
}

/** A unit as a case's lead: its name, whether active, and its division's path (null for city departments). */
export function leadUnit(db: Kysely<DB>, id: string) {
  return db.selectFrom('units as u').leftJoin('divisions as d', 'd.code', 'u.division_code')
    .select(['u.id', 'u.name', 'u.active', 'd.path as division_path']).where('u.id', '=', id).executeTakeFirst();
}

/** For each ticket, the cases it belongs to (newest first). */
export async function caseMemberships(db: Kysely<DB>, ticketIds: string[]) {
  if (ticketIds.length === 0) return [];
  return db.selectFrom('hotspot_case_members as m').innerJoin('hotspot_cases as c', 'c.id', 'm.case_id')
    .select(['m.ticket_id', 'c.id', 'c.title', 'c.status', 'c.created_at'])
    .where('m.ticket_id', 'in', ticketIds).orderBy('c.created_at', 'desc').execute();
}
