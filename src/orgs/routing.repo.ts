// SQL for routing: category and division chains, candidate rules, fallback (兜底) units, whitelists.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The category and its ancestors, nearest first ([] when unknown). */
export async function categoryChain(db: Kysely<DB>, code: string): Promise<string[]> {
  const { rows } = await sql<{ code: string; depth: number }>`
    with recursive up(code, parent_code, depth) as (
      select code, parent_code, 0 from categories where code = ${code}
      union all
      select c.code, c.parent_code, up.depth + 1 from categories c join up on c.code = up.parent_code where up.depth < 10
    )
    select code, depth from up order by depth`.execute(db);
  return rows.map((r) => r.code);
}

/** The division and its ancestors from its path, nearest first ([] when unknown). */
export async function divisionChain(db: Kysely<DB>, code: string): Promise<string[]> {
  const row = await db.selectFrom('divisions').select('path').where('code', '=', code).executeTakeFirst();
  if (!row) return [];
  return row.path.split('/').filter(Boolean).reverse();
}

export function candidateRules(db: Kysely<DB>, categories: string[], divisions: string[]) {
  return db
    .selectFrom('routing_rules as r')
    .innerJoin('units as u', 'u.id', 'r.lead_unit_id')
    .select(['r.id', 'r.category_code', 'r.division_code', 'r.lead_unit_id', 'r.co_unit_ids', 'r.priority', 'r.note', 'r.created_at', 'u.name as lead_unit_name'])
    .where('r.active', '=', true)
    .where('u.active', '=', true)
    .where((eb) => eb.or([eb('r.category_code', 'is', null), ...(categories.length ? [eb('r.category_code', 'in', categories)] : [])]))
    .where((eb) => eb.or([eb('r.division_code', 'is', null), ...(divisions.length ? [eb('r.division_code', 'in', divisions)] : [])]))
    .execute();
}

/** Active fallback units in any of `divisions`, or (when `divisions` is empty) all of them. */
export function fallbackUnits(db: Kysely<DB>, divisions: string[]) {
  let q = db
    .selectFrom('units as u')
    .leftJoin('divisions as d', 'd.code', 'u.division_code')
    .select(['u.id', 'u.name', 'u.division_code', 'd.level'])
    .where('u.is_fallback', '=', true)
    .where('u.active', '=', true);
  if (divisions.length) q = q.where('u.division_code', 'in', divisions);
  return q.orderBy('d.level', 'asc').orderBy('u.created_at', 'asc').execute();
}

export async function activeUnitIds(db: Kysely<DB>, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('units').select('id').where('id', 'in', ids).where('active', '=', true).execute();
  const ok = new Set(rows.map((r) => r.id));
  return ids.filter((id) => ok.has(id));
}

export function unitWhitelistInfo(db: Kysely<DB>, unitId: string) {
  return db.selectFrom('units').select(['id', 'whitelist_only']).where('id', '=', unitId).executeTakeFirst();
}

export async function whitelistedCodes(db: Kysely<DB>, unitId: string): Promise<string[]> {
  const rows = await db.selectFrom('unit_whitelist').select('category_code').where('unit_id', '=', unitId).execute();
  return rows.map((r) => r.category_code);
}
