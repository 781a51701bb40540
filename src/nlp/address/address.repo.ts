// SQL for place parsing: the division tree, learned landmarks and the history they come from.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DivisionRow, LandmarkRow } from './place-index.ts';

export async function loadDivisions(db: Kysely<DB>): Promise<DivisionRow[]> {
  return db.selectFrom('divisions').select(['code', 'name', 'level', 'parent_code', 'path']).execute();
}

export async function loadLandmarks(db: Kysely<DB>): Promise<LandmarkRow[]> {
  return db.selectFrom('nlp_landmarks').select(['phrase', 'division_code', 'confidence']).execute();
}

/** Cheap fingerprint of the division tree and the landmarks: changes when rows are added/removed/renamed/moved. */
export async function placeIndexVersion(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ v: string }>`
    select (select count(*) from divisions)::text || ':' ||
           coalesce((select max(created_at)::text from divisions), '') || ':' ||
           (select coalesce(sum(length(name) + level), 0) from divisions)::text || ':' ||
           (select coalesce(sum(hashtext(path || name)::bigint), 0) from divisions)::text || ':' ||
           (select count(*) from nlp_landmarks)::text || ':' ||
           coalesce((select max(learned_at)::text from nlp_landmarks), '') as v`.execute(db);
  return r.rows[0]?.v ?? '';
}

export interface HistoryText {
  division_code: string;
  text: string;
}

/** Tickets whose division is known, newest first: the history landmarks are learned from. */
export async function historyWithDivision(db: Kysely<DB>, limit: number): Promise<HistoryText[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(['division_code', 'title', 'content', 'address'])
    .where('division_code', 'is not', null)
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ division_code: r.division_code!, text: `${r.address ?? ''} ${r.title} ${r.content}` }));
}

export async function replaceLandmarks(db: Kysely<DB>, rows: Omit<LandmarkRow & { hits: number; total: number }, never>[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('nlp_landmarks').execute();
    for (let i = 0; i < rows.length; i += 500) {
      await trx.insertInto('nlp_landmarks').values(rows.slice(i, i + 500)).execute();
    }
  });
}
