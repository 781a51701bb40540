// SQL for divisions (行政区划), their grids and boundaries.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { DivisionRow } from './source.ts';

const COLS = ['code', 'name', 'level', 'parent_code', 'path', 'lat', 'lng'] as const;

/** Insert or update rows (parents must come before children). Returns the number of rows written. */
export async function upsertDivisions(db: Kysely<DB>, rows: DivisionRow[], batch = 500, onBatch?: (done: number) => void) {
  let done = 0;
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    await db.insertInto('divisions').values(chunk)
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'), level: eb.ref('excluded.level'),
        parent_code: eb.ref('excluded.parent_code'), path: eb.ref('excluded.path'),
      })))
      .execute();
    done += chunk.length;
    onBatch?.(done);
  }
  return done;
}

export function findDivision(db: Kysely<DB>, code: string) {
  return db.selectFrom('divisions').select(COLS).where('code', '=', code).executeTakeFirst();
}

export function divisionsByCodes(db: Kysely<DB>, codes: string[]) {
  if (!codes.length) return Promise.resolve([]);
  return db.selectFrom('divisions').select(COLS).where('code', 'in', codes).orderBy('level').execute();
}

export function childrenOf(db: Kysely<DB>, parent: string | null) {
  let q = db.selectFrom('divisions as d').select(COLS.map((c) => `d.${c}` as const))
    .select((eb) => eb.selectFrom('divisions as c').select((e) => e.fn.countAll<number>().as('n')).whereRef('c.parent_code', '=', 'd.code').as('child_count'));
  q = parent === null ? q.where('d.parent_code', 'is', null) : q.where('d.parent_code', '=', parent);
  return q.orderBy('d.code').execute();
}

export async function searchDivisions(db: Kysely<DB>, q: string, under: string | null, page: number, pageSize: number) {
  const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  let base = db.selectFrom('divisions').where('name', 'like', like);
  if (under) base = base.where('path', 'like', `%/${under}/%`);
  const [items, total] = await Promise.all([
    base.select(COLS).orderBy('level').orderBy('code').limit(pageSize).offset((page - 1) * pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function nextGridCode(db: Kysely<DB>, parent: string): Promise<string> {
  const row = await db.selectFrom('divisions').select((eb) => eb.fn.max('code').as('max'))
    .where('parent_code', '=', parent).where('level', '=', 6).executeTakeFirst();
  const last = row?.max ? Number(String(row.max).slice(parent.length)) : 0;
  return `${parent}${String(last + 1).padStart(3, '0')}`;
}

export function insertDivision(db: Kysely<DB>, row: DivisionRow & { lat?: number | null; lng?: number | null }) {
  return db.insertInto('divisions').values(row).returning(COLS).executeTakeFirstOrThrow();
}

export async function putGeojson(db: Kysely<DB>, code: string, geojson: unknown) {
  const value = JSON.stringify(geojson);
  await db.insertInto('division_geo').values({ code, geojson: value })
    .onConflict((oc) => oc.column('code').doUpdateSet({ geojson: value, updated_at: sql`now()` }))
    .execute();
}

/** Boundaries of a division itself and of its direct children. */
export function geojsonOf(db: Kysely<DB>, code: string) {
  return db.selectFrom('division_geo as g').innerJoin('divisions as d', 'd.code', 'g.code')
    .select(['d.code', 'd.name', 'd.level', 'g.geojson'])
    .where((eb) => eb.or([eb('d.code', '=', code), eb('d.parent_code', '=', code)]))
    .orderBy('d.code').execute();
}

export async function updateDivision(db: Kysely<DB>, code: string, set: { name?: string; lat?: number | null; lng?: number | null }) {
  if (Object.keys(set).length) await db.updateTable('divisions').set(set).where('code', '=', code).execute();
}
