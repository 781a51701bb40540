// SQL for duplicate detection: ticket signatures (GIN-indexed LSH bands) and the candidate tickets.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export async function upsertSignature(
  db: Kysely<DB>,
  row: { ticket_id: string; bands: string[]; minhash: number[]; shingle_count: number },
  flush = true,
): Promise<void> {
  await db
    .insertInto('ticket_signatures')
    .values(row)
    .onConflict((oc) =>
      oc.column('ticket_id').doUpdateSet({
        bands: row.bands, minhash: row.minhash, shingle_count: row.shingle_count, indexed_at: new Date(), written_xid: sql`pg_current_xact_id()`,
      }),
    )
    .execute();
  if (flush) await flushBandIndex(db);
}

const FLUSH_EVERY = 256;
let pendingSinceFlush = 0;

/** Several signatures at once (new tickets: no conflict expected, but stay idempotent). */
export async function upsertSignatures(
  db: Kysely<DB>,
  rows: { ticket_id: string; bands: string[]; minhash: number[]; shingle_count: number }[],
): Promise<void> {
  await db
    .insertInto('ticket_signatures')
    .values(rows)
    .onConflict((oc) =>
      oc.column('ticket_id').doUpdateSet((eb) => ({
        bands: eb.ref('excluded.bands'), minhash: eb.ref('excluded.minhash'), shingle_count: eb.ref('excluded.shingle_count'), indexed_at: new Date(),
        written_xid: sql`pg_current_xact_id()`,
      })),
    )
    .execute();
  // Intake writes in groups: merge the GIN pending list every FLUSH_EVERY signatures rather than
  // on every group, so the cost is shared (searches scan at most that many pending entries).
  pendingSinceFlush += rows.length;
  if (pendingSinceFlush >= FLUSH_EVERY) {
    pendingSinceFlush = 0;
    await flushBandIndex(db);
  }
}

/**
 * Moves the GIN index's pending entries into the index proper. With fastupdate (the default)
 * new keys wait in a pending list that every search scans linearly; PostgreSQL's autovacuum
 * flushes it now and then, PGlite never does. Flushing one ticket's keys at a time is cheap.
 */
export async function flushBandIndex(db: Kysely<DB>): Promise<void> {
  await sql`select gin_clean_pending_list('ticket_signatures_bands_idx'::regclass)`.execute(db);
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

/**
 * Open tickets received since `since` sharing at least one LSH band with `bands`. Two steps: the
 * GIN probe alone (forced: a sequential scan compares every row's 40 keys with ours, ~0.1 ms per
 * hundred rows on PGlite, and the planner, lacking statistics on fresh tables, often picks one),
 * then the few candidates by primary key (joined in one query, the planner hashes every ticket
 * of the window, long texts included).
 */
export async function openTicketsSharingBands(
  db: Kysely<DB>,
  input: { bands: string[]; since: Date; excludeId?: string | null; limit: number },
): Promise<CandidateRow[]> {
  const probe = sql<{ ticket_id: string }>`
    select ticket_id from ticket_signatures where bands && ${input.bands}::text[] limit ${input.limit * 5}`;
  const ids = db.isTransaction
    ? (await probe.execute(db)).rows
    : await db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      return (await probe.execute(trx)).rows;
    });
  const wanted = ids.map((r) => r.ticket_id).filter((id) => id !== input.excludeId);
  if (!wanted.length) return [];
  const r = await sql<CandidateRow>`
    select ${candidateColumns}
    from tickets t left join divisions d on d.code = t.division_code
    where t.id in (${sql.join(wanted)})
      and t.received_at >= ${input.since}
      and t.status not in ('closed', 'merged')
    order by t.received_at desc
    limit ${input.limit}`.execute(db);
  return r.rows;
}

/** Rows written (per the xid8 column `xid`) by transactions the snapshot `notIn` did not see; all rows without one. */
function unseenBy(xid: ReturnType<typeof sql.ref>, notIn: string | undefined) {
  return notIn
    ? sql`${xid} >= pg_snapshot_xmin(${notIn}::pg_snapshot) and not pg_visible_in_snapshot(${xid}, ${notIn}::pg_snapshot)`
    : sql`true`;
}

export interface SignatureRow {
  ticket_id: string;
  bands: string[];
  received_at: Date;
}

/**
 * Signatures of tickets received since `since`, with the snapshot this statement read them in
 * (text form of pg_snapshot). With `notIn`, only those written by transactions that snapshot
 * did not see: committed since, or still running then. At most `limit` rows.
 */
export async function signaturesSince(
  db: Kysely<DB>,
  input: { since: Date; notIn?: string; limit: number },
): Promise<{ snapshot: string; rows: SignatureRow[] }> {
  const unseen = unseenBy(sql.ref('s.written_xid'), input.notIn);
  const r = await sql<SignatureRow & { snapshot: string }>`
    select c.snap::text as snapshot, s.ticket_id, s.bands, t.received_at
    from (select pg_current_snapshot() as snap) c
    left join (ticket_signatures s join tickets t on t.id = s.ticket_id and t.received_at >= ${input.since}) on ${unseen}
    limit ${input.limit}`.execute(db);
  const snapshot = r.rows[0]?.snapshot;
  if (!snapshot) throw new Error('no snapshot returned');
  return { snapshot, rows: r.rows.filter((x) => x.ticket_id !== null).map((x) => ({ ...x, received_at: new Date(x.received_at) })) };
}

/**
 * Tickets received since `since` that have no signature yet, with the snapshot this statement
 * read them in; with `notIn`, only tickets written by transactions that snapshot did not see.
 */
export async function unsignedTicketsSince(
  db: Kysely<DB>,
  input: { since: Date; notIn?: string; limit: number },
): Promise<{ snapshot: string; rows: { id: string; title: string; content: string }[] }> {
  const unseen = unseenBy(sql.ref('t.written_xid'), input.notIn);
  const r = await sql<{ snapshot: string; id: string | null; title: string; content: string }>`
    select c.snap::text as snapshot, t.id, t.title, t.content
    from (select pg_current_snapshot() as snap) c
    left join tickets t on t.received_at >= ${input.since} and ${unseen}
      and not exists (select 1 from ticket_signatures s where s.ticket_id = t.id)
    limit ${input.limit}`.execute(db);
  const snapshot = r.rows[0]?.snapshot;
  if (!snapshot) throw new Error('no snapshot returned');
  return { snapshot, rows: r.rows.filter((x) => x.id !== null) as { id: string; title: string; content: string }[] };
}

export type CandidateRowNoPath = Omit<CandidateRow, 'division_path'>;
/**
 * In one statement: open tickets among `ids` (the band index's, already within the window;
 * newest first, at most `limit`), and the caller's earlier tickets of any status when `phone` is given. Without the
 * division path: joining divisions doubles this statement's cost (the caller has the tree).
 */
export async function duplicateCandidates(
  db: Kysely<DB>,
  input: {
    ids: string[]; limit: number;
    phone?: { phone: string; since: Date; excludeId?: string | null; limit: number } | null;
  },
): Promise<{ candidates: CandidateRowNoPath[]; byPhone: CandidateRowNoPath[] }> {
  const p = input.phone;
  if (!input.ids.length && !p) return { candidates: [], byPhone: [] };
  // lx_duplicate_candidates (migration 0008): the two queries, planned once per connection.
  // `ids` come from the band index, which already keeps only tickets received since the window
  // start (received_at never changes): the dup query has no second range test.
  const r = await sql<CandidateRowNoPath & { src: string }>`select * from lx_duplicate_candidates(${input.ids}::uuid[], ${input.limit}::int,
    ${p?.phone ?? null}::text, ${p?.since ?? null}::timestamptz, ${p?.excludeId ?? '00000000-0000-0000-0000-000000000000'}::uuid, ${p?.limit ?? 0}::int)`.execute(db);
  const rows = r.rows.sort((a, b) => new Date(b.received_at).getTime() - new Date(a.received_at).getTime());
  return { candidates: rows.filter((x) => x.src === 'dup'), byPhone: rows.filter((x) => x.src === 'phone') };
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
