// The Calendar for a database: official arrangement plus that database's overrides, cached for a
// short TTL (other app nodes pick up an admin's change within LIANXIN_CONFIG_CACHE_TTL_MS, 10 s
// by default); the node that changed the overrides invalidates at once.
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

export function invalidateCalendar(deps: Pick<Deps, 'db'>): void {
  cache.invalidate(deps.db);
}
