// 一村一档: a division's profile — its tickets by status, rates, top categories, sub-divisions,
// recent tickets, key sites (e.g. flood patrol points) and whether finer boundaries are uploaded.
import type { Deps } from '../server/deps.ts';
import type { Actor } from '../auth/actor.ts';
import { assertAdmin, reportScope } from '../auth/policy.ts';
import { AppError } from '../shared/errors.ts';
import type { DivisionProfile } from '../contract/reports.ts';
import { KeySite } from '../contract/reports.ts';
import { z } from 'zod';
import * as repo from './reports.repo.ts';
import { loadRatesConfig } from './formulas.ts';
import { period, toMetrics } from './rates.ts';

const keySitesKey = (code: string) => `key_sites:${code}`;
const iso = (d: Date | string) => new Date(d).toISOString();

export async function getKeySites(deps: Deps, code: string): Promise<z.infer<typeof KeySite>[]> {
  const stored = await repo.getSetting<unknown>(deps.db, keySitesKey(code));
  const parsed = z.array(KeySite).safeParse(stored ?? []);
  return parsed.success ? parsed.data : [];
}

/** The key sites of a division of the deployment (422 for a code it does not have, as the profile answers). */
export async function listKeySites(deps: Deps, code: string) {
  if (!(await repo.divisionRow(deps.db, code))) throw new AppError('unknown_division', code);
  return getKeySites(deps, code);
}

export async function setKeySites(deps: Deps, actor: Actor | null, code: string, items: z.infer<typeof KeySite>[]) {
  assertAdmin(actor);
  if (!(await repo.divisionRow(deps.db, code))) throw new AppError('unknown_division', code);
  await repo.putSetting(deps.db, keySitesKey(code), items);
  return { items };
}

export async function getDivisionProfile(deps: Deps, actor: Actor | null, code: string, p: { from?: string; to?: string }): Promise<DivisionProfile> {
  const scope = reportScope(actor);
  const d = await repo.divisionRow(deps.db, code);
  if (!d) throw new AppError('unknown_division', code);
  const config = await loadRatesConfig(deps);
  // Default period for a profile: the last 12 months.
  const end = p.to ? new Date(p.to) : deps.now();
  const { from, to } = period(deps, { to: p.to, from: p.from ?? new Date(end.getTime() - 365 * 86_400_000).toISOString() });
  const filter: repo.BaseFilter = { from, to, now: deps.now(), scope, config, divisionCode: code };
  // Counts, categories and lists show every ticket; only the rates leave out the excluded ones.
  const all: repo.BaseFilter = { ...filter, config: { ...config, includeExcluded: true } };
  const ancestorCodes = d.path.split('/').filter((c) => c && c !== code);
  const ancestors = await repo.divisionsByCodes(deps.db, ancestorCodes);
  const kids = await repo.childDivisions(deps.db, code);
  const childCounts = new Map((await repo.countsByDivision(deps.db, all, code)).map((c) => [c.key, c.tickets]));
  const recent = await repo.recentTickets(deps.db, all, 10);
  return {
    code: d.code,
    name: d.name,
    level: Number(d.level),
    ancestors: ancestors.map((a) => ({ code: a.code, name: a.name, level: Number(a.level) })),
    from: from.toISOString(),
    to: to.toISOString(),
    byStatus: await repo.statusCounts(deps.db, all),
    metrics: toMetrics(await repo.countsOverall(deps.db, filter)),
    topCategories: await repo.topCategories(deps.db, all, 8),
    children: kids.map((k) => ({ code: k.code, name: k.name, level: Number(k.level), total: childCounts.get(k.code) ?? 0 })),
    recent: recent.map((r) => ({
      id: r.id, number: r.number, title: r.title, status: r.status, receivedAt: iso(r.received_at),
      categoryCode: r.category_code, categoryName: r.category_name, leadUnitName: r.lead_unit_name, satisfaction: r.satisfaction,
    })),
    keySites: await getKeySites(deps, code),
    hasGeojson: await repo.hasGeojson(deps.db, code),
  };
}
