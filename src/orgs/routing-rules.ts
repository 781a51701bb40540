// Routing rules (category × division → lead unit + co-units) and the "who would get it" tester.
import type { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { RoutingRuleCreate, RoutingRulePatch } from '../contract/orgs.ts';
import { checkWhitelist, resolveRoute } from '../dispatch/route.ts';
import { findDivision } from '../divisions/divisions.repo.ts';
import { findCategory } from './categories.repo.ts';
import { activeUnitIds } from './routing.repo.ts';
import { deleteRule, findRule, insertRules, listRules, unitNamesByIds, updateRule, type RuleFilter } from './rules.repo.ts';
import { invalidateRouteTable } from '../dispatch/route-table.ts';

type Row = NonNullable<Awaited<ReturnType<typeof findRule>>>;
const coUnitsOf = (r: Row) => (typeof r.co_unit_ids === 'string' ? JSON.parse(r.co_unit_ids) : r.co_unit_ids) as string[];
const present = (r: Row, names: Map<string, string>) => ({
  id: r.id, categoryCode: r.category_code, categoryName: r.category_name ?? null, divisionCode: r.division_code,
  divisionName: r.division_name ?? null, leadUnitId: r.lead_unit_id, leadUnitName: r.lead_unit_name,
  coUnitIds: coUnitsOf(r), coUnitNames: coUnitsOf(r).map((id) => names.get(id) ?? id),
  priority: r.priority, note: r.note, active: r.active,
});
/** Rules as the API shows them, their co-units by name (one query for a page). */
async function presentAll(deps: Deps, rows: Row[]) {
  const names = await unitNamesByIds(deps.db, [...new Set(rows.flatMap(coUnitsOf))]);
  return rows.map((r) => present(r, names));
}

export async function listRoutingRules(deps: Deps, q: RuleFilter & { page: number; pageSize: number }) {
  const { items, total } = await listRules(deps.db, q, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: await presentAll(deps, items), total, page: q.page, pageSize: q.pageSize };
}

export async function getRoutingRule(deps: Deps, id: string) {
  const r = await findRule(deps.db, id);
  if (!r) throw new AppError('not_found', `rule ${id}`);
  return (await presentAll(deps, [r]))[0];
}

async function validate(deps: Deps, input: z.infer<typeof RoutingRulePatch>) {
  if (input.categoryCode && !(await findCategory(deps.db, input.categoryCode))) throw new AppError('unknown_category', input.categoryCode);
  if (input.divisionCode && !(await findDivision(deps.db, input.divisionCode))) throw new AppError('unknown_division', input.divisionCode);
  const units = [...(input.leadUnitId ? [input.leadUnitId] : []), ...(input.coUnitIds ?? [])];
  const ok = await activeUnitIds(deps.db, units);
  const bad = units.filter((u) => !ok.includes(u));
  if (bad.length) throw new AppError('unknown_unit', bad.join(', '));
}

export async function createRoutingRule(deps: Deps, input: z.infer<typeof RoutingRuleCreate>) {
  await validate(deps, input);
  const [id] = await insertRules(deps.db, [{
    category_code: input.categoryCode ?? null, division_code: input.divisionCode ?? null, lead_unit_id: input.leadUnitId,
    co_unit_ids: JSON.stringify([...new Set(input.coUnitIds ?? [])].filter((u) => u !== input.leadUnitId)),
    priority: input.priority ?? 0, note: input.note ?? null,
  }]);
  invalidateRouteTable(deps.db);
  return getRoutingRule(deps, id!);
}

export async function patchRoutingRule(deps: Deps, id: string, input: z.infer<typeof RoutingRulePatch>) {
  const current = await getRoutingRule(deps, id);
  await validate(deps, input);
  const set: Record<string, unknown> = {};
  if (input.categoryCode !== undefined) set.category_code = input.categoryCode ?? null;
  if (input.divisionCode !== undefined) set.division_code = input.divisionCode ?? null;
  if (input.leadUnitId !== undefined) set.lead_unit_id = input.leadUnitId;
  if (input.coUnitIds !== undefined) {
    const lead = input.leadUnitId ?? current.leadUnitId;
    set.co_unit_ids = JSON.stringify([...new Set(input.coUnitIds)].filter((u) => u !== lead));
  }
  if (input.priority !== undefined) set.priority = input.priority;
  if (input.note !== undefined) set.note = input.note ?? null;
  if (input.active !== undefined) set.active = input.active;
  await updateRule(deps.db, id, set);
  invalidateRouteTable(deps.db);
  return getRoutingRule(deps, id);
}

export async function removeRoutingRule(deps: Deps, id: string) {
  if (!(await deleteRule(deps.db, id))) throw new AppError('not_found', `rule ${id}`);
  invalidateRouteTable(deps.db);
  return { ok: true };
}

/** Which unit would receive a ticket of this category in this division, and is it on the unit's whitelist. */
export async function testRouting(deps: Deps, input: { categoryCode?: string | null; divisionCode?: string | null }) {
  const r = await resolveRoute(deps, input);
  const whitelistOk = r.leadUnitId ? await checkWhitelist(deps, r.leadUnitId, input.categoryCode) : false;
  return { ...r, whitelistOk };
}
