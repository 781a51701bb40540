// SQL for rates and dashboards. One per-ticket base (period, scope, exclusions, the ticket's
// rating from its callback events), aggregated by unit (rolled up along the unit tree), by month
// (Asia/Shanghai, UTC+8), by division (children of a division) or not at all.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { TicketScope } from '../auth/policy.ts';
import type { RatesConfig } from '../contract/reports.ts';

export interface BaseFilter {
  from: Date;
  to: Date;
  now: Date;
  scope: TicketScope;
  config: RatesConfig;
  /** Lead unit in this unit's subtree. */
  unitPath?: string | null;
  /** Ticket place in this division's subtree. */
  divisionCode?: string | null;
}

/** Aggregated counts as they come from SQL (all ints). */
export interface CountRow {
  key: string;
  tickets: number;
  dispatched: number;
  resp_num: number;
  resp_den: number;
  res_num: number;
  res_den: number;
  sat_num: number;
  sat_den: number;
  bounced: number;
  returns: number;
  redispatches: number;
  reopens: number;
  reopened: number;
  overdue: number;
  auto: number;
  auto_wrong: number;
  /** auto-dispatched tickets whose outcome is known: sent back, or answered by the unit */
  auto_settled: number;
}

const like = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

function scopeSql(scope: TicketScope): RawBuilder<unknown> {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'division':
      return sql`(t.division_code is null or td.path like ${like(scope.path) + '%'})`;
    case 'unit':
      return sql`lu.path like ${like(scope.path) + '%'}`;
    default:
      return sql`false`;
  }
}

/** One row per ticket counted in the rates for this filter. */
function baseCte(f: BaseFilter): RawBuilder<unknown> {
  const order = f.config.ratingBasis === 'first' ? sql`asc` : sql`desc`;
  return sql`
    select t.id, t.status, t.lead_unit_id, lu.path as unit_path, td.path as division_path, t.category_code, t.received_at,
      t.dispatched_at, t.signed_at, t.sign_deadline, t.resolved, t.return_count, t.redispatch_count, t.reopen_count,
      t.overdue, t.auto_dispatched, t.source_ref is not null as imported,
      (select e.data->>'satisfaction' from ticket_events e where e.ticket_id = t.id and e.action = 'callback' order by e.seq ${order} limit 1) as rating
    from tickets t
    left join units lu on lu.id = t.lead_unit_id
    left join divisions td on td.code = t.division_code
    where t.master_id is null
      and t.received_at >= ${f.from} and t.received_at < ${f.to}
      and ${f.config.includeExcluded ? sql`true` : sql`not t.excluded_from_rates`}
      and ${scopeSql(f.scope)}
      and ${f.unitPath ? sql`lu.path like ${like(f.unitPath) + '%'}` : sql`true`}
      and ${f.divisionCode ? sql`td.path like ${'%/' + like(f.divisionCode) + '/%'}` : sql`true`}`;
}

function metricsSql(f: BaseFilter): RawBuilder<unknown> {
  const satisfied = f.config.basicCountsAsSatisfied ? sql`b.rating in ('satisfied', 'basic')` : sql`b.rating = 'satisfied'`;
  const resDen = f.config.resolutionScope === 'rated'
    ? sql`b.status in ('callback', 'closed') and b.resolved is not null`
    : sql`b.status in ('callback', 'closed') and not (b.imported and b.resolved is null)`; // imported history with no call-back result: unknown, not unresolved
  const signDue = sql`b.lead_unit_id is not null and (b.signed_at is not null or (b.sign_deadline is not null and b.sign_deadline < ${f.now}))`;
  const bounced = sql`(b.return_count > 0 or b.redispatch_count > 0)`;
  return sql`
    count(*)::int as tickets,
    count(*) filter (where b.dispatched_at is not null)::int as dispatched,
    count(*) filter (where ${signDue} and b.signed_at is not null and (b.sign_deadline is null or b.signed_at <= b.sign_deadline))::int as resp_num,
    count(*) filter (where ${signDue})::int as resp_den,
    count(*) filter (where ${resDen} and b.resolved = true)::int as res_num,
    count(*) filter (where ${resDen})::int as res_den,
    count(*) filter (where ${satisfied})::int as sat_num,
    count(*) filter (where b.rating is not null)::int as sat_den,
    count(*) filter (where b.dispatched_at is not null and ${bounced})::int as bounced,
    coalesce(sum(b.return_count), 0)::int as returns,
    coalesce(sum(b.redispatch_count), 0)::int as redispatches,
    coalesce(sum(b.reopen_count), 0)::int as reopens,
    count(*) filter (where b.reopen_count > 0)::int as reopened,
    count(*) filter (where b.overdue)::int as overdue,
    count(*) filter (where b.auto_dispatched)::int as auto,
    count(*) filter (where b.auto_dispatched and ${bounced})::int as auto_wrong,
    count(*) filter (where b.auto_dispatched and (${bounced} or b.status in ('replied', 'callback', 'closed')))::int as auto_settled`;
}

export async function countsOverall(db: Kysely<DB>, f: BaseFilter): Promise<CountRow> {
  const r = await sql<CountRow>`with b as (${baseCte(f)}) select 'all' as key, ${metricsSql(f)} from b`.execute(db);
  return r.rows[0]!;
}

/** Month keys 'YYYY-MM' in Asia/Shanghai. */
export async function countsByMonth(db: Kysely<DB>, f: BaseFilter): Promise<CountRow[]> {
  const r = await sql<CountRow>`
    with b as (${baseCte(f)})
    select to_char((b.received_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM') as key, ${metricsSql(f)}
    from b group by 1 order by 1`.execute(db);
  return r.rows;
}

export type UnitCountRow = CountRow & { name: string; kind: string; parent_id: string | null; path: string };

/** Per unit: with rollup, each unit counts the tickets led by it or any unit below it. */
export async function countsByUnit(db: Kysely<DB>, f: BaseFilter, rollup: boolean): Promise<UnitCountRow[]> {
  const join = rollup
    ? sql`cross join lateral unnest(string_to_array(trim(both '/' from b.unit_path), '/')) as anc(id) join units u on u.id::text = anc.id`
    : sql`join units u on u.id = b.lead_unit_id`;
  const r = await sql<UnitCountRow>`
    with b as (${baseCte(f)})
    select u.id::text as key, coalesce(u.short_name, u.name) as name, u.kind, u.parent_id::text as parent_id, u.path, ${metricsSql(f)}
    from b ${join}
    where b.lead_unit_id is not null
    group by u.id, u.short_name, u.name, u.kind, u.parent_id, u.path
    order by count(*) desc, u.path`.execute(db);
  return r.rows;
}

/**
 * Returns (退单) made by each unit — with rollup, by it or any unit below it — on tickets received in
 * the period. A returning unit no longer leads the ticket, so this is counted from the events.
 */
export async function returnsByUnit(db: Kysely<DB>, f: BaseFilter, rollup: boolean): Promise<{ key: string; n: number }[]> {
  const join = rollup
    ? sql`cross join lateral unnest(string_to_array(trim(both '/' from ru.path), '/')) as anc(id) join units u on u.id::text = anc.id`
    : sql`join units u on u.id = ru.id`;
  const scope = f.scope.kind === 'unit' ? sql`ru.path like ${like(f.scope.path) + '%'}` : f.scope.kind === 'none' ? sql`false` : sql`true`;
  const r = await sql<{ key: string; n: number }>`
    select u.id::text as key, count(*)::int as n
    from ticket_events e
    join tickets t on t.id = e.ticket_id
    join units ru on ru.id = e.actor_unit_id
    left join divisions td on td.code = t.division_code
    ${join}
    where e.action = 'return' and t.master_id is null
      and t.received_at >= ${f.from} and t.received_at < ${f.to}
      and ${f.config.includeExcluded ? sql`true` : sql`not t.excluded_from_rates`}
      and ${f.scope.kind === 'division' ? sql`(t.division_code is null or td.path like ${like(f.scope.path) + '%'})` : sql`true`}
      and ${scope}
      and ${f.unitPath ? sql`ru.path like ${like(f.unitPath) + '%'}` : sql`true`}
      and ${f.divisionCode ? sql`td.path like ${'%/' + like(f.divisionCode) + '/%'}` : sql`true`}
    group by u.id`.execute(db);
  return r.rows;
}

export type DivisionCountRow = CountRow & { name: string; level: number; parent_code: string | null };

/** Per child division of `parentCode`: tickets placed anywhere in that child's subtree. */
export async function countsByDivision(db: Kysely<DB>, f: BaseFilter, parentCode: string): Promise<DivisionCountRow[]> {
  const r = await sql<DivisionCountRow>`
    with b as (${baseCte(f)})
    select d.code as key, d.name, d.level::int as level, d.parent_code, ${metricsSql(f)}
    from b
    cross join lateral unnest(string_to_array(trim(both '/' from b.division_path), '/')) as anc(code)
    join divisions d on d.code = anc.code and d.parent_code = ${parentCode}
    group by d.code, d.name, d.level, d.parent_code
    order by count(*) desc, d.code`.execute(db);
  return r.rows;
}

/** The deepest division from the top that is the only child of its parent (the deployment's city). */
export async function defaultDivisionRoot(db: Kysely<DB>): Promise<string | null> {
  let parent: string | null = null;
  for (let i = 0; i < 6; i++) {
    const q = db.selectFrom('divisions').select('code').limit(2);
    const kids: { code: string }[] = await (parent === null ? q.where('parent_code', 'is', null) : q.where('parent_code', '=', parent)).execute();
    if (kids.length !== 1) return parent;
    parent = kids[0]!.code;
  }
  return parent;
}

export interface HotspotRow {
  division_code: string;
  division_name: string;
  category_code: string | null;
  category_name: string | null;
  count: number;
  /** cells of the whole filter (every row carries it) */
  total_cells: number;
}

/** Counts by division at `level` × category at `categoryLevel` (category codes are prefix codes). */
export async function hotspotsByPlace(db: Kysely<DB>, f: BaseFilter, level: number, categoryLevel: number, limit: number, offset = 0): Promise<HotspotRow[]> {
  const r = await sql<HotspotRow>`
    with b as (${baseCte(f)}),
    p as (
      select split_part(b.division_path, '/', ${level + 1}) as division_code,
             substring(b.category_code from 1 for ${categoryLevel * 2}) as category_code
      from b where b.division_path is not null
    )
    select p.division_code, d.name as division_name, p.category_code, c.name as category_name, count(*)::int as count,
           (count(*) over ())::int as total_cells
    from p
    join divisions d on d.code = p.division_code
    left join categories c on c.code = p.category_code
    where p.division_code <> ''
    group by p.division_code, d.name, p.category_code, c.name
    order by count(*) desc, p.division_code, p.category_code
    limit ${limit} offset ${offset}`.execute(db);
  return r.rows;
}

export interface PlaceTotalRow {
  code: string;
  name: string;
  total: number;
  open: number;
  lat: number | null;
  lng: number | null;
}

export async function totalsByPlace(db: Kysely<DB>, f: BaseFilter, level: number): Promise<PlaceTotalRow[]> {
  const r = await sql<PlaceTotalRow>`
    with b as (${baseCte(f)})
    select d.code, d.name, count(*)::int as total,
      count(*) filter (where b.status not in ('closed', 'merged'))::int as open, d.lat, d.lng
    from b join divisions d on d.code = split_part(b.division_path, '/', ${level + 1})
    where b.division_path is not null
    group by d.code, d.name, d.lat, d.lng
    order by count(*) desc`.execute(db);
  return r.rows;
}

export async function statusCounts(db: Kysely<DB>, f: BaseFilter): Promise<{ status: string; count: number }[]> {
  const r = await sql<{ status: string; count: number }>`
    with b as (${baseCte(f)}) select b.status, count(*)::int as count from b group by b.status order by count(*) desc`.execute(db);
  return r.rows;
}

export async function topCategories(db: Kysely<DB>, f: BaseFilter, limit: number) {
  const r = await sql<{ code: string | null; name: string | null; count: number }>`
    with b as (${baseCte(f)})
    select b.category_code as code, c.name, count(*)::int as count
    from b left join categories c on c.code = b.category_code
    group by b.category_code, c.name order by count(*) desc, b.category_code limit ${limit}`.execute(db);
  return r.rows;
}

export async function recentTickets(db: Kysely<DB>, f: BaseFilter, limit: number) {
  const r = await sql<{
    id: string; number: string; title: string; status: string; received_at: Date | string;
    category_code: string | null; category_name: string | null; lead_unit_name: string | null; satisfaction: string | null;
  }>`
    with b as (${baseCte(f)})
    select t.id::text as id, t.number, t.title, t.status, t.received_at, t.category_code, c.name as category_name,
      coalesce(u.short_name, u.name) as lead_unit_name, t.satisfaction
    from b join tickets t on t.id = b.id
    left join categories c on c.code = t.category_code
    left join units u on u.id = t.lead_unit_id
    order by t.received_at desc limit ${limit}`.execute(db);
  return r.rows;
}

export async function ticketPoints(db: Kysely<DB>, f: BaseFilter, limit: number) {
  const r = await sql<{ id: string; number: string; lat: number; lng: number; status: string; title: string }>`
    with b as (${baseCte(f)})
    select t.id::text as id, t.number, t.lat, t.lng, t.status, t.title
    from b join tickets t on t.id = b.id
    where t.lat is not null and t.lng is not null
    order by t.received_at desc limit ${limit}`.execute(db);
  return r.rows;
}

// ---- Places and settings ----------------------------------------------------------------

export async function divisionRow(db: Kysely<DB>, code: string) {
  return db.selectFrom('divisions').select(['code', 'name', 'level', 'path', 'parent_code']).where('code', '=', code).executeTakeFirst();
}

export async function divisionsByCodes(db: Kysely<DB>, codes: string[]) {
  if (!codes.length) return [];
  return db.selectFrom('divisions').select(['code', 'name', 'level']).where('code', 'in', codes).orderBy('level').execute();
}

export async function childDivisions(db: Kysely<DB>, code: string) {
  return db.selectFrom('divisions').select(['code', 'name', 'level']).where('parent_code', '=', code).orderBy('code').execute();
}

export async function hasGeojson(db: Kysely<DB>, code: string): Promise<boolean> {
  return !!(await db.selectFrom('division_geo').select('code').where('code', '=', code).executeTakeFirst());
}

export async function unitRow(db: Kysely<DB>, id: string) {
  return db.selectFrom('units').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirst();
}

export async function getSetting<T>(db: Kysely<DB>, key: string): Promise<T | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  const v = row.value as unknown;
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

export async function putSetting(db: Kysely<DB>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db.insertInto('settings')
    .values({ key, value: json as never })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json as never }))
    .execute();
}
