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

export interface RouteCandidates {
  /** The category and its ancestors, nearest first ([] when none given or unknown). */
  cats: string[];
  /** The division's path ('/35/3509/…/'), null when none given or unknown. */
  divPath: string | null;
  rules: {
    id: string; category_code: string | null; division_code: string | null; lead_unit_id: string; lead_unit_name: string;
    co_unit_ids: unknown; priority: number; note: string | null; created_at: Date | string;
  }[];
}

/**
 * One round trip for the common case: the category chain, the division path and every active
 * rule (with an active lead unit) that covers both.
 */
export async function routeCandidates(db: Kysely<DB>, categoryCode: string | null, divisionCode: string | null): Promise<RouteCandidates> {
  const { rows } = await sql<{
    cats: unknown; div_path: string | null; id: string | null; category_code: string | null; division_code: string | null;
    lead_unit_id: string; lead_unit_name: string; co_unit_ids: unknown; priority: number; note: string | null; created_at: Date | string;
  }>`
    with recursive up(code, parent_code, depth) as (
      select code, parent_code, 0 from categories where code = ${categoryCode}
      union all
      select c.code, c.parent_code, up.depth + 1 from categories c join up on c.code = up.parent_code where up.depth < 10
    ),
    m as (
      select (select coalesce(json_agg(code order by depth), '[]'::json) from up) as cats,
             (select path from divisions where code = ${divisionCode}) as div_path
    )
    select m.cats, m.div_path, r.id, r.category_code, r.division_code, r.lead_unit_id, u.name as lead_unit_name,
           r.co_unit_ids, r.priority, r.note, r.created_at
    from m
    left join routing_rules r
      on r.active
     and (r.category_code is null or r.category_code in (select code from up))
     and (r.division_code is null or position('/' || r.division_code || '/' in coalesce(m.div_path, '')) > 0)
     and exists (select 1 from units lu where lu.id = r.lead_unit_id and lu.active)
    left join units u on u.id = r.lead_unit_id`.execute(db);
  const first = rows[0];
  const cats = first ? (typeof first.cats === 'string' ? JSON.parse(first.cats) : first.cats) as string[] : [];
  return {
    cats,
    divPath: first?.div_path ?? null,
    rules: rows.filter((r) => r.id !== null).map((r) => ({
      id: r.id!, category_code: r.category_code, division_code: r.division_code, lead_unit_id: r.lead_unit_id,
      lead_unit_name: r.lead_unit_name, co_unit_ids: r.co_unit_ids, priority: r.priority, note: r.note, created_at: r.created_at,
    })),
  };
}

/** Everything routing reads, for an in-memory routing table (src/dispatch/route-table.ts). */
export async function routingSnapshot(db: Kysely<DB>) {
  const [categories, rules, fallbacks, units] = await Promise.all([
    db.selectFrom('categories').select(['code', 'parent_code']).execute(),
    db.selectFrom('routing_rules as r')
      .innerJoin('units as u', 'u.id', 'r.lead_unit_id')
      .select(['r.id', 'r.category_code', 'r.division_code', 'r.lead_unit_id', 'u.name as lead_unit_name', 'r.co_unit_ids', 'r.priority', 'r.note', 'r.created_at'])
      .where('r.active', '=', true)
      .where('u.active', '=', true)
      .execute(),
    fallbackUnits(db, []),
    db.selectFrom('units').select(['id', 'division_code']).where('active', '=', true).execute(),
  ]);
  return { categories, rules, fallbacks, activeUnitIds: units.map((u) => u.id), unitDivisions: units.map((u) => [u.id, u.division_code] as const) };
}

/** Every division's materialised path ('/35/3509/…/'). */
export function divisionPaths(db: Kysely<DB>) {
  return db.selectFrom('divisions').select(['code', 'path']).execute();
}
