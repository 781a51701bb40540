// SQL for routing rules (派单规则) administration.
import type { Insertable, Kysely } from 'kysely';
import type { DB, RoutingRulesTable } from '../db/schema.ts';

export interface RuleFilter {
  categoryCode?: string;
  divisionCode?: string;
  unitId?: string;
  includeInactive?: boolean;
}

const base = (db: Kysely<DB>) => db.selectFrom('routing_rules as r')
  .innerJoin('units as u', 'u.id', 'r.lead_unit_id')
  .leftJoin('categories as c', 'c.code', 'r.category_code')
  .leftJoin('divisions as d', 'd.code', 'r.division_code');
const COLS = [
  'r.id', 'r.category_code', 'c.name as category_name', 'r.division_code', 'd.name as division_name', 'r.lead_unit_id',
  'u.name as lead_unit_name', 'r.co_unit_ids', 'r.priority', 'r.note', 'r.active',
] as const;

export async function listRules(db: Kysely<DB>, f: RuleFilter, limit: number, offset: number) {
  let q = base(db);
  if (f.categoryCode) q = q.where('r.category_code', '=', f.categoryCode);
  if (f.divisionCode) q = q.where('r.division_code', '=', f.divisionCode);
  if (f.unitId) q = q.where('r.lead_unit_id', '=', f.unitId);
  if (!f.includeInactive) q = q.where('r.active', '=', true);
  const [items, total] = await Promise.all([
    q.select(COLS).orderBy('r.category_code').orderBy('r.division_code').orderBy('r.priority', 'desc').orderBy('r.id').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findRule(db: Kysely<DB>, id: string) {
  return base(db).select(COLS).where('r.id', '=', id).executeTakeFirst();
}

export async function insertRules(db: Kysely<DB>, rows: Insertable<RoutingRulesTable>[]) {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 300) {
    const r = await db.insertInto('routing_rules').values(rows.slice(i, i + 300)).returning('id').execute();
    out.push(...r.map((x) => x.id));
  }
  return out;
}

export async function updateRule(db: Kysely<DB>, id: string, set: Partial<Insertable<RoutingRulesTable>>) {
  if (Object.keys(set).length) await db.updateTable('routing_rules').set(set).where('id', '=', id).execute();
}

export async function deleteRule(db: Kysely<DB>, id: string) {
  const r = await db.deleteFrom('routing_rules').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Unit names by id (for the co-units a rule lists). */
export async function unitNamesByIds(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
