// The Calendar for a database: official arrangement plus that database's overrides, cached
// (stale-while-revalidate, see ttl-cache.ts): other app nodes pick up an admin's change within
// about LIANXIN_CONFIG_CACHE_TTL_MS (10 s by default); the node that changed the overrides
// reloads at once. Warm the cache (warmClockCaches) before computing deadlines inside a
// transaction on PGlite: only the very first load waits for the database.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Deps } from '../server/deps.ts';
import { Calendar } from './calendar.ts';
import { allOverrides } from './calendar.repo.ts';
import { TtlCache } from './ttl-cache.ts';

const cache = new TtlCache<Kysely<DB>, Calendar>();

export function loadCalendar(deps: Pick<Deps, 'db'>): Promise<Calendar> {
  return cache.get(deps.db, async () => new Calendar(await allOverrides(deps.db)));
}

/** Reloads the overrides now (after a change on this node). */
export async function invalidateCalendar(deps: Pick<Deps, 'db'>): Promise<void> {
  await cache.refresh(deps.db, async () => new Calendar(await allOverrides(deps.db)));
}
