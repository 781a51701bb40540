// Units from the deployment's own history: which units closed tickets of a category in a place.
// Routing rules say who owns a matter where a county has written one; where it has not (a county
// that imported years of history and set up a few dozen rules), or when the rule's unit returned
// the ticket, the history still says who answered such matters here before — the first
// alternatives a dispatcher would think of. Counted per category × division with every ancestor
// of both, and read from the most specific pair with enough tickets (the category itself before its
// parent; the township before the county before the city).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Deps } from '../server/deps.ts';
import { categoryChainOf, routeTable } from '../dispatch/route-table.ts';
import { DbCache } from '../calendar/ttl-cache.ts';
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

async function load(db: Kysely<DB>): Promise<Counts> {
  const [rows, t] = await Promise.all([closedUnitCounts(db), routeTable(db)]);
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

/**
 * The counts of each database, stale-while-revalidate (ttl-cache.ts): loaded once, then refreshed in
 * the background when older than TTL_MS, the counts in hand answering meanwhile (a large history's
 * grouping never holds up an analysis).
 */
const counts = new DbCache<Counts>((db) => load(db), TTL_MS);

/**
 * The units that closed this category's tickets in this place (or the nearest wider place, or the
 * parent category, with at least MIN_TICKETS), most first; [] when the history knows nothing.
 */
export async function historyUnits(deps: Pick<Deps, 'db'>, categoryCode: string, divisionCode: string | null): Promise<HistoryUnit[]> {
  const [byKey, t] = await Promise.all([counts.get(deps.db), routeTable(deps.db)]);
  const cats = categoryChainOf(t, categoryCode) ?? [categoryCode];
  const path = divisionCode ? t.paths.get(divisionCode) : undefined;
  const divs = [...(path ? path.split('/').filter(Boolean).reverse() : []), ''];
  for (const c of cats) {
    for (const d of divs) {
      const e = byKey.get(`${c}|${d}`);
      if (!e || e.total < MIN_TICKETS) continue;
      return [...e.n]
        .filter(([id]) => t.activeUnits.has(id))
        .sort((a, b) => b[1] - a[1])
        .map(([id, n]) => ({ id, name: e.names.get(id) ?? '', share: n / e.total, of: e.total }));
    }
  }
  return [];
}
