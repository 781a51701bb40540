// SQL for duplicate detection: ticket signatures (GIN-indexed LSH bands) and the candidate tickets.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export async function upsertSignature(
  db: Kysely<DB>,
  row: { ticket_id: string; bands: string[]; minhash: number[]; shingle_count: number },
): Promise<void> {
  await db
    .insertInto('ticket_signatures')
    .values(row)
    .onConflict((oc) =>
      oc.column('ticket_id').doUpdateSet({ bands: row.bands, minhash: row.minhash, shingle_count: row.shingle_count, indexed_at: new Date() }),
    )
    .execute();
}

export interface CandidateRow {
  id: string;
  number: string;
  title: string;
  content: string;
  status: string;
  division_code: string | null;
  division_path: string | null;
  category_code: string | null;
  contact_phone: string | null;
  received_at: Date;
}

const candidateColumns = sql`t.id, t.number, t.title, t.content, t.status, t.division_code, d.path as division_path,
  t.category_code, t.contact_phone, t.received_at`;

/** Open tickets received since `since` sharing at least one LSH band with `bands`. */
export async function openTicketsSharingBands(
  db: Kysely<DB>,
  input: { bands: string[]; since: Date; excludeId?: string | null; limit: number },
): Promise<CandidateRow[]> {
  const r = await sql<CandidateRow>`
    select ${candidateColumns}
    from ticket_signatures s
    join tickets t on t.id = s.ticket_id
    left join divisions d on d.code = t.division_code
    where s.bands && ${input.bands}::text[]
      and t.received_at >= ${input.since}
      and t.status not in ('closed', 'merged')
      and t.id <> ${input.excludeId ?? '00000000-0000-0000-0000-000000000000'}::uuid
    order by t.received_at desc
    limit ${input.limit}`.execute(db);
  return r.rows;
}

/** The caller's earlier tickets (any status) since `since`. */
export async function ticketsByPhone(
  db: Kysely<DB>,
  input: { phone: string; since: Date; excludeId?: string | null; limit: number },
): Promise<CandidateRow[]> {
  const r = await sql<CandidateRow>`
    select ${candidateColumns}
    from tickets t left join divisions d on d.code = t.division_code
    where t.contact_phone = ${input.phone} and t.received_at >= ${input.since}
      and t.id <> ${input.excludeId ?? '00000000-0000-0000-0000-000000000000'}::uuid
    order by t.received_at desc
    limit ${input.limit}`.execute(db);
  return r.rows;
}

export async function divisionPath(db: Kysely<DB>, code: string): Promise<string | null> {
  const r = await db.selectFrom('divisions').select('path').where('code', '=', code).executeTakeFirst();
  return r?.path ?? null;
}

export async function categoryParents(db: Kysely<DB>): Promise<{ code: string; parent_code: string | null }[]> {
  return db.selectFrom('categories').select(['code', 'parent_code']).execute();
}

/** Tickets with no signature yet (imported history), oldest first. */
export async function ticketsWithoutSignature(db: Kysely<DB>, limit: number): Promise<{ id: string; title: string; content: string }[]> {
  return db
    .selectFrom('tickets as t')
    .leftJoin('ticket_signatures as s', 's.ticket_id', 't.id')
    .select(['t.id', 't.title', 't.content'])
    .where('s.ticket_id', 'is', null)
    .orderBy('t.received_at')
    .limit(limit)
    .execute();
}
