// Dispatch resolution (北京 rules): a clear owner by category × division gets the ticket (plus
// co-units); nothing owns it → the government of the nearest division up the tree (兜底).
import type { Deps } from '../server/deps.ts';
import { AppError } from '../shared/errors.ts';
import {
  activeUnitIds, categoryChain, fallbackUnits, routeCandidates, unitWhitelistInfo, whitelistedCodes,
} from '../orgs/routing.repo.ts';
import { categoryChainOf, routeTable, type RouteTable } from './route-table.ts';

export interface RouteInput {
  categoryCode?: string | null;
  divisionCode?: string | null;
}

export interface RouteResult {
  leadUnitId: string | null;
  leadUnitName: string | null;
  coUnitIds: string[];
  ruleId: string | null;
  fallback: boolean;
  reason: string;
}

/**
 * The most specific active rule wins: deepest matching category (a rule on a level-1 category
 * covers its children, a rule without category covers all), then deepest matching division
 * among the ticket division's ancestors (a rule without division covers everywhere), then
 * priority, then the oldest rule. No rule → the is_fallback unit of the nearest ancestor division.
 * Decided from the in-memory routing table (route-table.ts); codes it does not know yet go to SQL.
 */
export async function resolveRoute(deps: Deps, input: RouteInput): Promise<RouteResult> {
  const table = await routeTable(deps.db).catch(() => null);
  return (table ? routeFromTable(table, input) : null) ?? resolveRouteFromDb(deps, input);
}

/** The same decision read from the database by SQL (codes the table does not know yet; tests compare the two). */
export async function resolveRouteFromDb(deps: Deps, input: RouteInput): Promise<RouteResult> {
  const area = areaOf(await fallbackUnits(deps.db, []));
  let found = await routeCandidates(deps.db, input.categoryCode || null, input.divisionCode || area);
  // a division above the area (the province of a city's deployment) says no more than "here"
  if (input.divisionCode && area && found.divPath && !found.divPath.includes(`/${area}/`)) {
    const inArea = await routeCandidates(deps.db, input.categoryCode || null, area);
    if (inArea.divPath?.includes(`/${input.divisionCode}/`)) found = inArea;
  }
  const cats = found.cats;
  if (input.categoryCode && !cats.length) throw new AppError('unknown_category', input.categoryCode);
  const divs = found.divPath ? found.divPath.split('/').filter(Boolean).reverse() : [];
  if (input.divisionCode && !divs.length) throw new AppError('unknown_division', input.divisionCode);
  const rule = bestRule(cats, divs, found.rules);
  if (rule) {
    const co = coUnitsOf(rule);
    return ruleResult(rule, co.length ? (await activeUnitIds(deps.db, co)).filter((id) => id !== rule.lead_unit_id) : []);
  }
  return fallbackResult(divs, await fallbackUnits(deps.db, divs));
}

/**
 * Of `unitIds`, those that can act in the place `divisionCode`: inactive units are left out, and
 * so is a unit of another branch of the division tree (a 柘荣县 bureau for a street in 福鼎市).
 * City-level departments (no division), units above the place and units below it stay. Unknown
 * codes leave the list as it is (the table may not have seen a new division yet).
 */
export async function unitsServingPlace(deps: Deps, unitIds: string[], divisionCode: string | null): Promise<string[]> {
  const t = await routeTable(deps.db).catch(() => null);
  if (!t) return unitIds;
  return serving(t, unitIds, divisionCode ? t.paths.get(divisionCode) : undefined);
}

/** The same for a place given by its division path (as the unit model reads it). */
export async function unitsServingPath(deps: Pick<Deps, 'db'>, unitIds: string[], path: string | null | undefined): Promise<string[]> {
  const t = await routeTable(deps.db).catch(() => null);
  return t ? serving(t, unitIds, path ?? undefined) : unitIds;
}

function serving(t: RouteTable, unitIds: string[], placePath: string | undefined): string[] {
  // a place above the deployment's area tells no more than no place at all
  const place = placePath && !isAboveArea(t, placePath) ? placePath : undefined;
  const widest = place ? Infinity : widestRuleDepth(t);
  return unitIds.filter((id) => {
    if (!t.activeUnits.has(id)) return false;
    const code = t.unitDivisions.get(id);
    const path = code ? t.paths.get(code) : undefined;
    if (!place) return !path || depthOf(path) <= widest;
    return !path || place.startsWith(path) || path.startsWith(place);
  });
}

const depthOf = (path: string | undefined) => (path ? path.split('/').filter(Boolean).length : Infinity);

/**
 * With no place known, no unit narrower than the widest unit a routing rule names may act (a
 * city's departments, not one county's; in a county, its bureaus, not a township): which county
 * or township a placeless text belongs to is a guess. Once per route table.
 */
const widestDepths = new WeakMap<RouteTable, number>();
function widestRuleDepth(t: RouteTable): number {
  let widest = widestDepths.get(t);
  if (widest === undefined) {
    widest = Infinity;
    for (const r of t.rules) {
      const code = t.unitDivisions.get(r.lead_unit_id);
      widest = Math.min(widest, code ? depthOf(t.paths.get(code)) : 0);
    }
    widestDepths.set(t, widest);
  }
  return widest;
}

/** The decision from the routing table, or null when it does not know the category or division. */
export function routeFromTable(t: RouteTable, input: RouteInput): RouteResult | null {
  const cats = input.categoryCode ? categoryChainOf(t, input.categoryCode) : [];
  if (!cats) return null;
  const area = areaOf(t.fallbacks);
  const place = input.divisionCode || area;
  let path = place ? t.paths.get(place) : '';
  if (path === undefined) return null;
  // a division above the area (the province of a city's deployment) says no more than "here"
  if (path && isAboveArea(t, path)) path = t.paths.get(area!) ?? path;
  const divs = path.split('/').filter(Boolean).reverse();
  const inCats = new Set(cats);
  const rules = t.rules.filter((r) =>
    (r.category_code === null || inCats.has(r.category_code)) && (r.division_code === null || path.includes(`/${r.division_code}/`)));
  const rule = bestRule(cats, divs, rules);
  if (rule) return ruleResult(rule, coUnitsOf(rule).filter((id) => t.activeUnits.has(id) && id !== rule.lead_unit_id));
  const inDivs = new Set(divs);
  return fallbackResult(divs, divs.length ? t.fallbacks.filter((f) => f.division_code !== null && inDivs.has(f.division_code)) : t.fallbacks);
}

/**
 * Where a matter with no known place lies: the deployment's area, the division of its top
 * government (fallbacks come shallowest first). A rule for 宁德市 covers such a matter; a county's
 * or a township's does not (which one it is would be a guess).
 */
function areaOf(fallbacks: readonly { division_code: string | null }[]): string | null {
  return fallbacks[0]?.division_code ?? null;
}

/** Does this division path lie above the deployment's area (福建省 for a 宁德市 deployment)? */
function isAboveArea(t: RouteTable, path: string): boolean {
  const area = areaOf(t.fallbacks);
  const areaPath = area ? t.paths.get(area) : undefined;
  return !!areaPath && areaPath !== path && areaPath.startsWith(path);
}

interface CandidateRule {
  id: string;
  category_code: string | null;
  division_code: string | null;
  lead_unit_id: string;
  lead_unit_name: string;
  co_unit_ids: unknown;
  priority: number;
  note: string | null;
  created_at: Date | string;
}

function bestRule<R extends CandidateRule>(cats: string[], divs: string[], rules: R[]): R | undefined {
  // Depth of a match: index from the root of the chain, +1; "any" (null) counts 0.
  const depth = (chain: string[], code: string | null) => (code === null ? 0 : chain.length - chain.indexOf(code));
  return [...rules].sort((a, b) =>
    depth(cats, b.category_code) - depth(cats, a.category_code) ||
    depth(divs, b.division_code) - depth(divs, a.division_code) ||
    b.priority - a.priority ||
    new Date(a.created_at).getTime() - new Date(b.created_at).getTime())[0];
}

const coUnitsOf = (rule: CandidateRule): string[] =>
  Array.isArray(rule.co_unit_ids) ? (rule.co_unit_ids as string[]) : JSON.parse(String(rule.co_unit_ids) || '[]');

function ruleResult(rule: CandidateRule, coUnitIds: string[]): RouteResult {
  return {
    leadUnitId: rule.lead_unit_id, leadUnitName: rule.lead_unit_name, coUnitIds, ruleId: rule.id, fallback: false,
    reason: `规则匹配：${rule.note ?? `${rule.category_code ?? '任意分类'} × ${rule.division_code ?? '任意区域'}`} → ${rule.lead_unit_name}`,
  };
}

/** `fallbacks`: active fallback units, shallowest division first then oldest; the nearest ancestor's wins. */
function fallbackResult(divs: string[], fallbacks: { id: string; name: string; division_code: string | null }[]): RouteResult {
  let chosen: (typeof fallbacks)[number] | undefined;
  if (divs.length) chosen = [...fallbacks].sort((a, b) => divs.indexOf(a.division_code!) - divs.indexOf(b.division_code!))[0];
  else chosen = fallbacks[0]; // shallowest: the top government
  if (!chosen) {
    return { leadUnitId: null, leadUnitName: null, coUnitIds: [], ruleId: null, fallback: true, reason: '无匹配规则，且未配置兜底单位，需人工派单' };
  }
  return {
    leadUnitId: chosen.id, leadUnitName: chosen.name, coUnitIds: [], ruleId: null, fallback: true,
    reason: `无明确承办单位，由${chosen.name}兜底`,
  };
}

/**
 * 准入清单: a whitelist-only unit (village/community) may receive a matter only when its category
 * or one of its ancestors is on the unit's whitelist. Other units accept everything.
 */
export async function checkWhitelist(deps: Deps, unitId: string, categoryCode: string | null | undefined): Promise<boolean> {
  const unit = await unitWhitelistInfo(deps.db, unitId);
  if (!unit) throw new AppError('unknown_unit', unitId);
  if (!unit.whitelist_only) return true;
  if (!categoryCode) return false;
  const [chain, allowed] = await Promise.all([categoryChain(deps.db, categoryCode), whitelistedCodes(deps.db, unitId)]);
  return chain.some((c) => allowed.includes(c));
}
