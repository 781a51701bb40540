// SQL for units (承办单位) and their whitelists.
import type { Insertable, Kysely } from 'kysely';
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
