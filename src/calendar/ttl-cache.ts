// A small per-database cache for slowly changing configuration (holiday overrides, time-limit
// policies). Entries live for a short TTL so that changes made on another app node are seen
// within seconds; the node that makes a change invalidates its own entry at once. Concurrent
// misses share one load.
const DEFAULT_TTL_MS = Number(process.env.LIANXIN_CONFIG_CACHE_TTL_MS ?? 10_000);

export class TtlCache<K extends object, V> {
  private readonly entries = new WeakMap<K, { at: number; value: Promise<V> }>();
  constructor(private readonly ttlMs: number = DEFAULT_TTL_MS) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    const now = performance.now();
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: now, value });
    // A failed load must not be cached.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  invalidate(key: K): void {
    this.entries.delete(key);
  }
}
