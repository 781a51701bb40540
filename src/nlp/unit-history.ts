// Units from the deployment's own history: which units closed tickets of a category in a place.
// Routing rules say who owns a matter where a county has written one; where it has not (a county
// that imported years of history and set up a few dozen rules), or when the rule's unit returned
// the ticket, the history still says who answered such matters here before — the first
// alternatives a dispatcher would think of. Counted per category × division with every ancestor
// of both, and read from the most specific pair with enough tickets (the category itself before its
// parent; the township before the county before the city).
import type { Deps } from '../server/deps.ts';
import { categoryChainOf, routeTable } from '../dispatch/route-table.ts';
import { closedUnitCounts } from './nlp.repo.ts';

/** Fewer closed tickets than this in a category × place say nothing yet. */
const MIN_TICKETS = 3;
/** Reloaded at most this often: history grows slowly. */
const TTL_MS = 5 * 60_000;

export interface HistoryUnit {
  id: string;
  name: string;
  /** share of that category × place's closed tickets this unit closed */
  share: number;
  /** tickets the share is counted over */
  of: number;
}

type Counts = Map<string, { names: Map<string, string>; n: Map<string, number>; total: number }>;

async function load(deps: Pick<Deps, 'db'>): Promise<Counts> {
  const [rows, t] = await Promise.all([closedUnitCounts(deps.db), routeTable(deps.db)]);
  const out: Counts = new Map();
  for (const r of rows) {
    const cats = categoryChainOf(t, r.category_code!) ?? [r.category_code!];
    const path = r.division_code ? t.paths.get(r.division_code) : undefined;
    const divs = ['', ...(path ? path.split('/').filter(Boolean) : [])];
    const n = Number(r.n);
    for (const c of cats) {
      for (const d of divs) {
        const key = `${c}|${d}`;
        let e = out.get(key);
        if (!e) out.set(key, (e = { names: new Map(), n: new Map(), total: 0 }));
        e.names.set(r.lead_unit_id!, r.name);
        e.n.set(r.lead_unit_id!, (e.n.get(r.lead_unit_id!) ?? 0) + n);
        e.total += n;
      }
    }
  }
  return out;
}

const cache = new WeakMap<object, { at: number; value: Promise<Counts>; refreshing?: boolean }>();
/**
 * The counts of this database: loaded once, then refreshed in the background when older than
 * TTL_MS (the counts in hand answer meanwhile: a large history's grouping never holds up analysis).
 */
function countsOf(deps: Pick<Deps, 'db'>): Promise<Counts> {
  const c = cache.get(deps.db);
  if (!c) {
    const value = load(deps);
    cache.set(deps.db, { at: Date.now(), value });
    value.catch(() => cache.delete(deps.db));
    return value;
  }
  if (Date.now() - c.at > TTL_MS && !c.refreshing) {
    c.refreshing = true;
    load(deps).then((v) => cache.set(deps.db, { at: Date.now(), value: Promise.resolve(v) }), () => (c.refreshing = false));
  }
  return c.value;
}

/**
 * The units that closed this category's tickets in this place (or the nearest wider place, or the
 * parent category, with at least MIN_TICKETS), most first; [] when the history knows nothing.
 */
export async function historyUnits(deps: Pick<Deps, 'db'>, categoryCode: string, divisionCode: string | null): Promise<HistoryUnit[]> {
  const [counts, t] = await Promise.all([countsOf(deps), routeTable(deps.db)]);
  const cats = categoryChainOf(t, categoryCode) ?? [categoryCode];
  const path = divisionCode ? t.paths.get(divisionCode) : undefined;
  const divs = [...(path ? path.split('/').filter(Boolean).reverse() : []), ''];
  for (const c of cats) {
    for (const d of divs) {
      const e = counts.get(`${c}|${d}`);
      if (!e || e.total < MIN_TICKETS) continue;
      return [...e.n]
        .filter(([id]) => t.activeUnits.has(id))
        .sort((a, b) => b[1] - a[1])
        .map(([id, n]) => ({ id, name: e.names.get(id) ?? '', share: n / e.total, of: e.total }));
    }
  }
  return [];
}
