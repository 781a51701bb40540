// SQL for the knowledge base (知识库) and out-of-scope rules (不予受理规则).
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, KbArticlesTable, ScopeRulesTable } from '../db/schema.ts';

const esc = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
const COLS = ['k.id', 'k.title', 'k.body', 'k.category_code', 'c.name as category_name', 'k.keywords', 'k.active', 'k.updated_at'] as const;

export async function searchKb(db: Kysely<DB>, f: { terms: string[]; categoryCode?: string; includeInactive?: boolean }, limit: number, offset: number) {
  let q = db.selectFrom('kb_articles as k').leftJoin('categories as c', 'c.code', 'k.category_code');
  for (const t of f.terms) {
    q = q.where((eb) => eb.or([eb('k.title', 'ilike', esc(t)), eb('k.keywords', 'ilike', esc(t)), eb('k.body', 'ilike', esc(t))]));
  }
  if (f.categoryCode) q = q.where((eb) => eb.or([eb('k.category_code', '=', f.categoryCode!), eb('k.category_code', 'like', `${f.categoryCode}%`)]));
  if (!f.includeInactive) q = q.where('k.active', '=', true);
  // Title and keyword hits rank above body-only hits.
  const first = f.terms[0];
  let sel = q.select(COLS);
  if (first) sel = sel.orderBy(sql`case when k.title ilike ${esc(first)} then 0 when k.keywords ilike ${esc(first)} then 1 else 2 end`);
  const [items, total] = await Promise.all([
    sel.orderBy('k.updated_at', 'desc').orderBy('k.id').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findKb(db: Kysely<DB>, id: string) {
  return db.selectFrom('kb_articles as k').leftJoin('categories as c', 'c.code', 'k.category_code').select(COLS).where('k.id', '=', id).executeTakeFirst();
}

export async function insertKb(db: Kysely<DB>, rows: Insertable<KbArticlesTable>[]) {
  return (await db.insertInto('kb_articles').values(rows).returning('id').execute()).map((r) => r.id);
}

export async function updateKb(db: Kysely<DB>, id: string, set: Partial<Insertable<KbArticlesTable>>) {
  await db.updateTable('kb_articles').set({ ...set, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export async function deleteKb(db: Kysely<DB>, id: string) {
  const r = await db.deleteFrom('kb_articles').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function listScopeRules(db: Kysely<DB>) {
  return db.selectFrom('scope_rules').selectAll().orderBy('code').execute();
}

export async function upsertScopeRules(db: Kysely<DB>, rows: Insertable<ScopeRulesTable>[]) {
  if (!rows.length) return;
  await db.insertInto('scope_rules').values(rows)
    .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ title: eb.ref('excluded.title'), title_en: eb.ref('excluded.title_en'), basis: eb.ref('excluded.basis') })))
    .execute();
}
