// Dispatch resolution (北京 rules): a clear owner by category × division gets the ticket (plus
// co-units); nothing owns it → the government of the nearest division up the tree (兜底).
import type { Deps } from '../server/deps.ts';
import { AppError } from '../shared/errors.ts';
import {
  activeUnitIds, categoryChain, fallbackUnits, routeCandidates, unitWhitelistInfo, whitelistedCodes,
} from '../orgs/routing.repo.ts';

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
 */
export async function resolveRoute(deps: Deps, input: RouteInput): Promise<RouteResult> {
  const found = await routeCandidates(deps.db, input.categoryCode || null, input.divisionCode || null);
  const cats = found.cats;
  if (input.categoryCode && !cats.length) throw new AppError('unknown_category', input.categoryCode);
  const divs = found.divPath ? found.divPath.split('/').filter(Boolean).reverse() : [];
  if (input.divisionCode && !divs.length) throw new AppError('unknown_division', input.divisionCode);

  // Depth of a match: index from the root of the chain, +1; "any" (null) counts 0.
  const depth = (chain: string[], code: string | null) => (code === null ? 0 : chain.length - chain.indexOf(code));
  const rules = found.rules;
  rules.sort((a, b) =>
    depth(cats, b.category_code) - depth(cats, a.category_code) ||
    depth(divs, b.division_code) - depth(divs, a.division_code) ||
    b.priority - a.priority ||
    new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
  const rule = rules[0];
  if (rule) {
    const co = Array.isArray(rule.co_unit_ids) ? (rule.co_unit_ids as string[]) : JSON.parse(String(rule.co_unit_ids) || '[]');
    const coUnitIds = co.length ? (await activeUnitIds(deps.db, co)).filter((id) => id !== rule.lead_unit_id) : [];
    return {
      leadUnitId: rule.lead_unit_id, leadUnitName: rule.lead_unit_name, coUnitIds, ruleId: rule.id, fallback: false,
      reason: `规则匹配：${rule.note ?? `${rule.category_code ?? '任意分类'} × ${rule.division_code ?? '任意区域'}`} → ${rule.lead_unit_name}`,
    };
  }

  const fallbacks = await fallbackUnits(deps.db, divs);
  let chosen: (typeof fallbacks)[number] | undefined;
  if (divs.length) {
    fallbacks.sort((a, b) => divs.indexOf(a.division_code!) - divs.indexOf(b.division_code!));
    chosen = fallbacks[0];
  } else {
    chosen = fallbacks[0]; // shallowest: the top government
  }
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
