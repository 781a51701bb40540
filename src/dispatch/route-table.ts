// Routing from memory: the active rules, categories, fallback (兜底) units and division paths of
// a database, loaded once and refreshed in the background every HOT_CONFIG_TTL_MS (10 s), so a
// routing decision costs no query — intake and the analysis panel route many category × place
// pairs they have not seen before. Writes through Lianxin's own functions (rules, units,
// categories) drop the table at once; other changes (another node, SQL by hand) are seen within
// the TTL. A code the table does not know (just added) is answered by the SQL path instead.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { divisionPaths, routingSnapshot } from '../orgs/routing.repo.ts';
import { HOT_CONFIG_TTL_MS } from '../shared/memo.ts';

type Snapshot = Awaited<ReturnType<typeof routingSnapshot>>;
export type TableRule = Snapshot['rules'][number];
export type TableFallback = Snapshot['fallbacks'][number];

export interface RouteTable {
  parents: Map<string, string | null>;
  rules: TableRule[];
  /** Active fallback units, shallowest division first, then oldest. */
  fallbacks: TableFallback[];
  activeUnits: Set<string>;
  /** active unit → its division code (null: a city-level department with no place of its own) */
  unitDivisions: Map<string, string | null>;
  paths: Map<string, string>;
}

/** Division paths change only when divisions are imported: reloaded less often. */
const PATHS_TTL_MS = 5 * 60_000;

interface Entry {
  at: number;
  pathsAt: number;
  table: Promise<RouteTable>;
  refreshing?: boolean;
}
const tables = new WeakMap<Kysely<DB>, Entry>();

async function load(db: Kysely<DB>, prev?: RouteTable, reloadPaths = true): Promise<RouteTable> {
  const [snap, paths] = await Promise.all([
    routingSnapshot(db),
    reloadPaths || !prev ? divisionPaths(db).then((rows) => new Map(rows.map((r) => [r.code, r.path]))) : Promise.resolve(prev.paths),
  ]);
  return {
    parents: new Map(snap.categories.map((c) => [c.code, c.parent_code])),
    rules: snap.rules,
    fallbacks: snap.fallbacks,
    activeUnits: new Set(snap.activeUnitIds),
    unitDivisions: new Map(snap.unitDivisions),
    paths,
  };
}

/** The routing table of `db`: loaded on first use; when older than the TTL, the table in hand answers while a fresh one loads. */
export function routeTable(db: Kysely<DB>): Promise<RouteTable> {
  const now = Date.now();
  let e = tables.get(db);
  if (!e) {
    e = { at: now, pathsAt: now, table: load(db) };
    tables.set(db, e);
    const mine = e;
    e.table.catch(() => tables.get(db) === mine && tables.delete(db));
    return e.table;
  }
  if (now - e.at >= HOT_CONFIG_TTL_MS && !e.refreshing) {
    const entry = e;
    entry.refreshing = true;
    const reloadPaths = now - entry.pathsAt >= PATHS_TTL_MS;
    entry.table
      .then((prev) => load(db, prev, reloadPaths))
      .then((t) => {
        if (tables.get(db) !== entry) return;
        entry.table = Promise.resolve(t);
        entry.at = Date.now();
        if (reloadPaths) entry.pathsAt = entry.at;
      })
      .catch(() => {}) // the table in hand keeps answering; retried after the TTL
      .finally(() => (entry.refreshing = false));
  }
  return e.table;
}

/** Drops the table of `db` (after a change to rules, units or categories): the next decision loads it afresh. */
export function invalidateRouteTable(db: Kysely<DB>): void {
  tables.delete(db);
}

/** The category and its ancestors, nearest first; null when the table does not know it. */
export function categoryChainOf(t: RouteTable, code: string): string[] | null {
  if (!t.parents.has(code)) return null;
  const chain: string[] = [];
  let c: string | null | undefined = code;
  while (c && chain.length <= 10) {
    chain.push(c);
    c = t.parents.get(c);
  }
  return chain;
}
