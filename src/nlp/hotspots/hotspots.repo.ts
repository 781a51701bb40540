// SQL for hotspots: the tickets of a period and place, and proactive cases with their members.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface HotTicketRow {
  id: string;
  number: string;
  title: string;
  content: string;
  status: string;
  received_at: Date;
  division_code: string | null;
  division_path: string | null;
  support: number;
}

/** Tickets received in [from, to) under `path` (merged ones count as support of their master). */
export async function ticketsForHotspots(
  db: Kysely<DB>,
  input: { path: string | null; from: Date; to: Date; limit: number },
): Promise<HotTicketRow[]> {
  const r = await sql<HotTicketRow>`
    select t.id, t.number, t.title, t.content, t.status, t.received_at, t.division_code, d.path as division_path,
      (select count(*) from tickets c where c.master_id = t.id and c.status = 'merged')::int as support
    from tickets t left join divisions d on d.code = t.division_code
    where t.received_at >= ${input.from} and t.received_at < ${input.to} and t.status <> 'merged'
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
  row: { title: string; division_code: string | null; note: string | null; score: Record<string, unknown>; period_from: Date | null; period_to: Date | null; created_by: string },
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

export async function listCases(db: Kysely<DB>, input: { path: string | null; offset: number; limit: number }) {
  let q = db.selectFrom('hotspot_cases as c').leftJoin('divisions as d', 'd.code', 'c.division_code');
  if (input.path) q = q.where((eb) => eb.or([eb('d.path', 'like', `${input.path}%`), eb('c.division_code', 'is', null)]));
  const [items, total] = await Promise.all([
    q
      .select(['c.id', 'c.title', 'c.division_code', 'c.status', 'c.note', 'c.score', 'c.period_from', 'c.period_to', 'c.created_by', 'c.created_at'])
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
  return db
    .selectFrom('hotspot_cases as c')
    .leftJoin('divisions as d', 'd.code', 'c.division_code')
    .select(['c.id', 'c.title', 'c.division_code', 'd.path as division_path', 'c.status', 'c.note', 'c.score', 'c.period_from', 'c.period_to', 'c.created_by', 'c.created_at'])
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

/** Cases a ticket belongs to (a member ticket follows its proactive case). */
export async function casesOfTicket(db: Kysely<DB>, ticketId: string) {
  return db
    .selectFrom('hotspot_case_members as m')
    .innerJoin('hotspot_cases as c', 'c.id', 'm.case_id')
    .select(['c.id', 'c.title', 'c.status'])
    .where('m.ticket_id', '=', ticketId)
    .execute();
}
