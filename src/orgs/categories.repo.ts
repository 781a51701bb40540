// SQL for the category tree (分类).
import type { Insertable, Kysely } from 'kysely';
import type { CategoriesTable, DB } from '../db/schema.ts';

export function allCategories(db: Kysely<DB>, includeInactive: boolean) {
  let q = db.selectFrom('categories').selectAll();
  if (!includeInactive) q = q.where('active', '=', true);
  return q.orderBy('level').orderBy('code').execute();
}

export function findCategory(db: Kysely<DB>, code: string) {
  return db.selectFrom('categories').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function existingCategoryCodes(db: Kysely<DB>, codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const rows = await db.selectFrom('categories').select('code').where('code', 'in', codes).execute();
  return rows.map((r) => r.code);
}

export async function childCodes(db: Kysely<DB>, parent: string | null): Promise<string[]> {
  let q = db.selectFrom('categories').select('code');
  q = parent === null ? q.where('parent_code', 'is', null) : q.where('parent_code', '=', parent);
  return (await q.execute()).map((r) => r.code);
}

export async function insertCategories(db: Kysely<DB>, rows: Insertable<CategoriesTable>[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('categories').values(rows.slice(i, i + 500)).onConflict((oc) => oc.column('code').doNothing()).execute();
  }
}

export async function updateCategory(db: Kysely<DB>, code: string, set: Partial<Insertable<CategoriesTable>>) {
  if (Object.keys(set).length) await db.updateTable('categories').set(set).where('code', '=', code).execute();
}
