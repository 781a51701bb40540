// The Calendar for a database: official arrangement plus that database's overrides, cached
// (stale-while-revalidate, see ttl-cache.ts): other app nodes pick up an admin's change within
// about LIANXIN_CONFIG_CACHE_TTL_MS (10 s by default); the node that changed the overrides
// reloads at once. deps.db may be a transaction: it shares its database's cache, and a load
// that must wait goes through the transaction (PGlite's one connection is held by it).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Deps } from '../server/deps.ts';
import { Calendar } from './calendar.ts';
import { allOverrides } from './calendar.repo.ts';
import { DbCache } from './ttl-cache.ts';

const cache = new DbCache<Calendar>(async (db) => new Calendar(await allOverrides(db as Kysely<DB>)));

/** The calendar of deps.db (which may be a transaction; see ttl-cache.ts). */
export function loadCalendar(deps: Pick<Deps, 'db'>): Promise<Calendar> {
  return cache.get(deps.db);
}

/** Reloads the overrides now (after a change on this node). */
export async function invalidateCalendar(deps: Pick<Deps, 'db'>): Promise<void> {
  await cache.refresh(deps.db);
}
