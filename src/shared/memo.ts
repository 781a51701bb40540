// A small per-database memo with a time-to-live, for lookups on the hot intake path whose
// answers change rarely (routing decisions, unit rows). Changes made elsewhere are seen within
// the TTL; failures are not cached.
const stores = new WeakMap<object, Map<string, { at: number; value: Promise<unknown> }>>();

export function memo<T>(scope: object, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  let m = stores.get(scope);
  if (!m) stores.set(scope, (m = new Map()));
  const hit = m.get(key);
  const now = Date.now();
  if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>;
  if (m.size > 20_000) m.clear();
  const value = load();
  m.set(key, { at: now, value });
  value.catch(() => m!.delete(key));
  return value;
}

export const HOT_CONFIG_TTL_MS = Number(process.env.LIANXIN_ROUTE_CACHE_MS ?? 10_000);
