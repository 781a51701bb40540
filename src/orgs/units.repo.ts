// SQL for units (承办单位) and their whitelists.
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, UnitsTable } from '../db/schema.ts';

export function subtreeDivisions(db: Kysely<DB>, code: string) {
  return db.selectFrom('divisions').select(['code', 'name', 'level', 'parent_code', 'path'])
    .where('path', 'like', `%/${code}/%`).orderBy('level').orderBy('code').execute();
}

export function allUnitCodes(db: Kysely<DB>) {
  return db.selectFrom('units').select(['id', 'code', 'path']).execute();
}

export async function insertUnitsIgnoringExisting(db: Kysely<DB>, rows: Insertable<UnitsTable>[], batch = 400) {
  for (let i = 0; i < rows.length; i += batch) {
    await db.insertInto('units').values(rows.slice(i, i + batch)).onConflict((oc) => oc.column('code').doNothing()).execute();
  }
}

/** Puts `categories` (those that exist) on the whitelist of every unit in `unitIds`. */
export async function insertWhitelist(db: Kysely<DB>, unitIds: string[], categories: string[]) {
  const have = await db.selectFrom('categories').select('code').where('code', 'in', categories).execute();
  const codes = have.map((c) => c.code);
  if (!codes.length) return;
  const rows = unitIds.flatMap((unit_id) => codes.map((category_code) => ({ unit_id, category_code })));
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insertInto('unit_whitelist').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.columns(['unit_id', 'category_code']).doNothing()).execute();
  }
}

const UNIT_COLS = [
  'u.id', 'u.code', 'u.name', 'u.short_name', 'u.kind', 'u.parent_id', 'u.division_code', 'u.is_fallback',
  'u.whitelist_only', 'u.active', 'u.path', 'd.name as division_name',
] as const;

export interface UnitFilter {
  parentId?: string | 'root';
  under?: string;
  q?: string;
  kind?: string;
  divisionCode?: string;
  includeInactive?: boolean;
}

export async function listUnits(db: Kysely<DB>, f: UnitFilter, limit: number, offset: number) {
  let base = db.selectFrom('units as u').leftJoin('divisions as d', 'd.code', 'u.division_code');
  if (f.parentId === 'root') base = base.where('u.parent_id', 'is', null);
  else if (f.parentId) base = base.where('u.parent_id', '=', f.parentId);
  if (f.under) {
    const under = f.under;
    base = base.where((eb) => eb.exists(eb.selectFrom('units as a').select('a.id').where('a.id', '=', under)
      .whereRef('u.path', 'like', sql<string>`a.path || '%'`).whereRef('u.id', '<>', 'a.id')));
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    base = base.where((eb) => eb.or([eb('u.name', 'like', like), eb('u.short_name', 'like', like), eb('u.code', 'like', like)]));
  }
  if (f.kind) base = base.where('u.kind', '=', f.kind);
  if (f.divisionCode) base = base.where('u.division_code', '=', f.divisionCode);
  if (!f.includeInactive) base = base.where('u.active', '=', true);
  const [items, total] = await Promise.all([
    base.select(UNIT_COLS)
      .select((eb) => eb.selectFrom('units as c').select((e) => e.fn.countAll<number>().as('n')).whereRef('c.parent_id', '=', 'u.id').as('child_count'))
      .orderBy('u.path').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findUnit(db: Kysely<DB>, id: string) {
  return db.selectFrom('units as u').leftJoin('divisions as d', 'd.code', 'u.division_code').select(UNIT_COLS)
    .select((eb) => eb.selectFrom('units as c').select((e) => e.fn.countAll<number>().as('n')).whereRef('c.parent_id', '=', 'u.id').as('child_count'))
    .where('u.id', '=', id).executeTakeFirst();
}

export function findUnitByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('units').select(['id', 'code', 'name', 'path']).where('code', '=', code).executeTakeFirst();
}

export function unitNames(db: Kysely<DB>, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
}

export async function insertUnit(db: Kysely<DB>, row: Insertable<UnitsTable>) {
  await db.insertInto('units').values(row).execute();
}

export async function updateUnitRow(db: Kysely<DB>, id: string, set: Partial<Insertable<UnitsTable>>) {
  if (Object.keys(set).length) await db.updateTable('units').set(set).where('id', '=', id).execute();
}

/** Re-roots the subtree below `oldPath` at `newPath` (moves keep every descendant's path right). */
export async function movePaths(db: Kysely<DB>, oldPath: string, newPath: string) {
  await sql`update units set path = ${newPath} || substr(path, ${oldPath.length + 1}) where path like ${oldPath + '%'}`.execute(db);
}

export function whitelistOf(db: Kysely<DB>, unitId: string) {
  return db.selectFrom('unit_whitelist as w').innerJoin('categories as c', 'c.code', 'w.category_code')
    .select(['c.code', 'c.name']).where('w.unit_id', '=', unitId).orderBy('c.code').execute();
}

export async function replaceWhitelist(db: Kysely<DB>, unitId: string, codes: string[]) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('unit_whitelist').where('unit_id', '=', unitId).execute();
    if (codes.length) await trx.insertInto('unit_whitelist').values(codes.map((category_code) => ({ unit_id: unitId, category_code }))).execute();
  });
}
