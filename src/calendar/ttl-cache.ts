// A small per-database cache for slowly changing configuration (holiday overrides, time-limit
// policies), stale-while-revalidate:
// - the first load waits for the database; after that a read never waits: once the TTL has
//   passed it returns the cached value and reloads in the background. This matters on PGlite,
//   where the one connection may be held by the caller's own transaction (a transition computing
//   deadlines): a blocking reload through deps.db would wait for itself.
// - changes made on another app node are seen within about one TTL;
// - the node that makes a change calls refresh(), which reloads at once and waits for it.
const DEFAULT_TTL_MS = Number(process.env.LIANXIN_CONFIG_CACHE_TTL_MS ?? 10_000);

interface Entry<V> {
  at: number;
  value?: V;
  pending?: Promise<V>;
}

export class TtlCache<K extends object, V> {
  private readonly entries = new WeakMap<K, Entry<V>>();
  constructor(private readonly ttlMs: number = DEFAULT_TTL_MS) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const e = this.entries.get(key);
    if (e && e.value !== undefined) {
      if (performance.now() - e.at >= this.ttlMs && !e.pending) this.reload(key, e, load).catch(() => {});
      return Promise.resolve(e.value);
    }
    if (e?.pending) return e.pending;
    const entry: Entry<V> = { at: 0 };
    this.entries.set(key, entry);
    return this.reload(key, entry, load);
  }

  /** Reloads now and resolves once the new value is in place. */
  async refresh(key: K, load: () => Promise<V>): Promise<V> {
    const e = this.entries.get(key) ?? { at: 0 };
    this.entries.set(key, e);
    return this.reload(key, e, load, true);
  }

  private reload(key: K, e: Entry<V>, load: () => Promise<V>, force = false): Promise<V> {
    if (e.pending && !force) return e.pending;
    const p = load().then(
      (v) => {
        if (e.pending === p) {
          e.value = v;
          e.at = performance.now();
          e.pending = undefined;
        }
        return v;
      },
      (err) => {
        if (e.pending === p) e.pending = undefined;
        if (e.value === undefined && this.entries.get(key) === e) this.entries.delete(key);
        throw err;
      },
    );
    e.pending = p;
    return p;
  }
}
