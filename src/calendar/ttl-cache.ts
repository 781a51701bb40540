// A per-database cache for slowly changing configuration (holiday overrides, time-limit
// policies), stale-while-revalidate:
// - the first load waits for the database; afterwards a read never waits: once the TTL has
//   passed it returns the cached value and reloads in the background through the database's
//   root handle;
// - changes made on another app node are seen within about one TTL; the node that makes a change
//   calls refresh(), which reloads at once.
// Callers may pass a transaction (`{ ...deps, db: trx }`): it shares the cache of its database,
// and any load that has to wait happens through that transaction. On PGlite the one connection
// is held by the transaction, so a load through the root handle would wait for itself.
import type { Kysely } from 'kysely';

const DEFAULT_TTL_MS = Number(process.env.LIANXIN_CONFIG_CACHE_TTL_MS ?? 10_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

interface Entry<V> {
  at: number;
  value?: V;
  pending?: Promise<V>;
  pendingVia?: AnyDb;
}

/**
 * What identifies a database across its transactions: the dialect adapter, which a Kysely
 * instance creates once and hands to every transaction's executor. Falls back to the handle.
 */
function identity(db: AnyDb): object {
  const ex = (db as unknown as { getExecutor?: () => { adapter?: object } }).getExecutor?.();
  return ex?.adapter ?? db;
}

export class DbCache<V> {
  private readonly entries = new WeakMap<object, Entry<V>>();
  private readonly roots = new WeakMap<object, AnyDb>();
  constructor(
    private readonly load: (db: AnyDb) => Promise<V>,
    private readonly ttlMs: number = DEFAULT_TTL_MS,
  ) {}

  private entryFor(db: AnyDb): { e: Entry<V>; root: AnyDb | undefined } {
    const id = identity(db);
    if (!db.isTransaction) this.roots.set(id, db);
    let e = this.entries.get(id);
    if (!e) this.entries.set(id, (e = { at: 0 }));
    return { e, root: this.roots.get(id) };
  }

  get(db: AnyDb): Promise<V> {
    const { e, root } = this.entryFor(db);
    if (e.value !== undefined) {
      if (performance.now() - e.at >= this.ttlMs && !e.pending) {
        if (root) this.reload(e, root).catch(() => {});
        else return this.reload(e, db); // only a transaction is known: reload through it, now
      }
      return Promise.resolve(e.value);
    }
    // Wait for a load in flight only when it cannot be waiting for this caller's transaction.
    if (e.pending && (!db.isTransaction || e.pendingVia === db)) return e.pending;
    return this.reload(e, db);
  }

  /** Reloads now through `db` and resolves once the new value is in place. */
  refresh(db: AnyDb): Promise<V> {
    return this.reload(this.entryFor(db).e, db);
  }

  private reload(e: Entry<V>, via: AnyDb): Promise<V> {
    const p = this.load(via).then(
      (v) => {
        // A newer load may have started meanwhile; the latest started wins.
        if (e.pending === p || e.pending === undefined) {
          e.value = v;
          e.at = performance.now();
        }
        if (e.pending === p) e.pending = e.pendingVia = undefined;
        return v;
      },
      (err) => {
        if (e.pending === p) e.pending = e.pendingVia = undefined;
        throw err;
      },
    );
    e.pending = p;
    e.pendingVia = via;
    return p;
  }
}
