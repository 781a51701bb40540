// Rates and dashboards: the period, the caller's scope (from the policy), the configured formulas,
// and the aggregations from the repository turned into ratios.
import type { Deps } from '../server/deps.ts';
import type { Actor } from '../auth/actor.ts';
import { reportScope, unitInReportScope } from '../auth/policy.ts';
import { AppError } from '../shared/errors.ts';
import type { Metrics, RateRow, RatesConfig, RatesQuery, Ratio } from '../contract/reports.ts';
import * as repo from './reports.repo.ts';
import { loadRatesConfig } from './formulas.ts';

const DAY = 86_400_000;
const SH = 8 * 3600_000;

export const ratio = (num: number, den: number): Ratio => ({ num, den, rate: den > 0 ? num / den : null });

export function toMetrics(c: repo.CountRow): Metrics {
  return {
    tickets: c.tickets,
    dispatched: c.dispatched,
    response: ratio(c.resp_num, c.resp_den),
    resolution: ratio(c.res_num, c.res_den),
    satisfaction: ratio(c.sat_num, c.sat_den),
    dispatchAccuracy: ratio(c.dispatched - c.bounced, c.dispatched),
    returns: c.returns,
    redispatches: c.redispatches,
    reopens: c.reopens,
    reopenedTickets: c.reopened,
    overdue: c.overdue,
    autoShare: ratio(c.auto, c.dispatched),
    // only tickets whose outcome is known: one dispatched a minute ago has not been kept yet
    autoPrecision: ratio(c.auto_settled - c.auto_wrong, c.auto_settled),
  };
}

/** Start of the Shanghai calendar month containing `t`, shifted by `delta` months, as an instant. */
export function monthStart(t: Date, delta = 0): Date {
  const local = new Date(t.getTime() + SH);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + delta, 1) - SH);
}
const monthKey = (t: Date) => new Date(t.getTime() + SH).toISOString().slice(0, 7);

export interface Period {
  from?: string;
  to?: string;
}

/** Default period: the last 90 days. */
export function period(deps: Deps, p: Period): { from: Date; to: Date } {
  const to = p.to ? new Date(p.to) : deps.now();
  const from = p.from ? new Date(p.from) : new Date(to.getTime() - 90 * DAY);
  if (!(from < to)) throw new AppError('validation', 'from must be before to');
  return { from, to };
}

interface Context {
  filter: repo.BaseFilter;
  config: RatesConfig;
}

async function context(deps: Deps, actor: Actor | null, p: Period, opts: { unitId?: string; divisionCode?: string } = {}): Promise<Context> {
  const scope = reportScope(actor);
  const config = await loadRatesConfig(deps);
  let unitPath: string | null = null;
  if (opts.unitId) {
    const u = await repo.unitRow(deps.db, opts.unitId);
    if (!u) throw new AppError('unknown_unit', opts.unitId);
    if (!unitInReportScope(scope, u.path)) throw new AppError('forbidden');
    unitPath = u.path;
  }
  if (opts.divisionCode && !(await repo.divisionRow(deps.db, opts.divisionCode))) throw new AppError('unknown_division', opts.divisionCode);
  const { from, to } = period(deps, p);
  return { config, filter: { from, to, now: deps.now(), scope, config, unitPath, divisionCode: opts.divisionCode ?? null } };
}

export async function getRates(deps: Deps, actor: Actor | null, q: RatesQuery) {
  const { filter, config } = await context(deps, actor, q, q);
  const overall = toMetrics(await repo.countsOverall(deps.db, filter));
  let rows: RateRow[] = [];
  if (q.groupBy === 'month') {
    rows = (await repo.countsByMonth(deps.db, filter)).map((c) => ({ ...toMetrics(c), key: c.key, name: c.key, kind: null, parentKey: null, returnsMade: null }));
  } else if (q.groupBy === 'unit') {
    // A leader's rows: the unit and those below it (its parents would show only part of their tickets).
    const made = new Map((await repo.returnsByUnit(deps.db, filter, q.rollup ?? true)).map((r) => [r.key, r.n]));
    rows = (await repo.countsByUnit(deps.db, filter, q.rollup ?? true))
      .filter((c) => unitInReportScope(filter.scope, c.path))
      .map((c) => ({ ...toMetrics(c), key: c.key, name: c.name, kind: c.kind, parentKey: c.parent_id, returnsMade: made.get(c.key) ?? 0 }));
  } else if (q.groupBy === 'division') {
    const parent = q.divisionCode ?? (await repo.defaultDivisionRoot(deps.db));
    rows = parent
      ? (await repo.countsByDivision(deps.db, filter, parent)).map((c) => ({ ...toMetrics(c), key: c.key, name: c.name, kind: String(c.level), parentKey: c.parent_code, returnsMade: null }))
      : [];
  }
  const paged = q.groupBy === 'unit' || q.groupBy === 'division';
  const start = paged ? (q.page - 1) * q.pageSize : 0;
  return {
    from: filter.from.toISOString(),
    to: filter.to.toISOString(),
    groupBy: q.groupBy ?? null,
    config,
    overall,
    items: paged ? rows.slice(start, start + q.pageSize) : rows,
    total: rows.length,
    page: paged ? q.page : 1,
    pageSize: paged ? q.pageSize : Math.max(rows.length, 1),
  };
}

/** Monthly rates for the last `months` months (this month included), zero months filled in. */
export async function getTrend(deps: Deps, actor: Actor | null, q: { months: number; unitId?: string; divisionCode?: string }) {
  const now = deps.now();
  const from = monthStart(now, -(q.months - 1));
  const { filter } = await context(deps, actor, { from: from.toISOString(), to: new Date(now.getTime() + 1).toISOString() }, q);
  const byKey = new Map((await repo.countsByMonth(deps.db, filter)).map((c) => [c.key, c]));
  const items: RateRow[] = [];
  for (let i = 0; i < q.months; i++) {
    const key = monthKey(monthStart(now, i - (q.months - 1)));
    const c = byKey.get(key) ?? emptyCounts(key);
    items.push({ ...toMetrics(c), key, name: key, kind: null, parentKey: null, returnsMade: null });
  }
  return { unitId: q.unitId ?? null, items };
}

function emptyCounts(key: string): repo.CountRow {
  return {
    key, tickets: 0, dispatched: 0, resp_num: 0, resp_den: 0, res_num: 0, res_den: 0, sat_num: 0, sat_den: 0, bounced: 0,
    returns: 0, redispatches: 0, reopens: 0, reopened: 0, overdue: 0, auto: 0, auto_wrong: 0, auto_settled: 0,
  };
}

/** Units (by their own tickets, not rolled up) ranked by one rate; ties by volume. */
export async function getRanking(
  deps: Deps, actor: Actor | null,
  q: { from?: string; to?: string; by: 'satisfaction' | 'resolution' | 'response'; kind?: string; minCount: number; limit: number },
) {
  const { filter } = await context(deps, actor, q);
  const made = new Map((await repo.returnsByUnit(deps.db, filter, false)).map((r) => [r.key, r.n]));
  const rows = (await repo.countsByUnit(deps.db, filter, false))
    .filter((c) => !q.kind || c.kind === q.kind)
    .map((c) => ({ ...toMetrics(c), key: c.key, name: c.name, kind: c.kind, parentKey: c.parent_id, returnsMade: made.get(c.key) ?? 0 }))
    .filter((r) => r[q.by].den >= q.minCount)
    .sort((a, b) => (b[q.by].rate ?? -1) - (a[q.by].rate ?? -1) || b[q.by].den - a[q.by].den || a.name.localeCompare(b.name));
  let rank = 0;
  let prev: number | null | undefined;
  const items = rows.slice(0, q.limit).map((r, i) => {
    if (r[q.by].rate !== prev) rank = i + 1;
    prev = r[q.by].rate;
    return { ...r, rank };
  });
  return { by: q.by, items };
}

export async function getHotspotsByPlace(
  deps: Deps, actor: Actor | null,
  q: { from?: string; to?: string; level: number; categoryLevel: number; divisionCode?: string; limit: number; page?: number },
) {
  const { filter } = await context(deps, actor, q, { divisionCode: q.divisionCode });
  const page = q.page ?? 1;
  const cells = await repo.hotspotsByPlace(deps.db, filter, q.level, q.categoryLevel, q.limit, (page - 1) * q.limit);
  // past the last page there is no row to carry the total: count them apart
  const total = cells[0]?.total_cells ?? (page > 1 ? (await repo.hotspotsByPlace(deps.db, filter, q.level, q.categoryLevel, 1))[0]?.total_cells ?? 0 : 0);
  const totals = await repo.totalsByPlace(deps.db, filter, q.level);
  return {
    level: q.level,
    items: cells.map((c) => ({ divisionCode: c.division_code, divisionName: c.division_name, categoryCode: c.category_code || null, categoryName: c.category_name, count: c.count })),
    total, page, pageSize: q.limit,
    divisions: totals.map((d) => ({ ...d, lat: d.lat === null ? null : Number(d.lat), lng: d.lng === null ? null : Number(d.lng) })),
  };
}

export async function getTicketPoints(deps: Deps, actor: Actor | null, q: { from?: string; to?: string; divisionCode?: string; limit: number }) {
  const { filter } = await context(deps, actor, q, { divisionCode: q.divisionCode });
  const rows = await repo.ticketPoints(deps.db, filter, q.limit);
  return { items: rows.map((r) => ({ ...r, lat: Number(r.lat), lng: Number(r.lng) })) };
}
