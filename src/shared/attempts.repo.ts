// SQL for failure counters behind guessable gates (tracking digits, sign-in): one row per key, upserted atomically.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The keys locked at `now` (of those given). */
export async function lockedKeys(db: Kysely<DB>, keys: string[], now: Date): Promise<string[]> {
  const rows = await db.selectFrom('track_attempts').select('key').where('key', 'in', keys).where('locked_until', '>', now).execute();
  return rows.map((r) => r.key);
}

/**
 * Counts one failure for `key`: a new window when the last one is older than `windowMs`; the key
 * is locked until now + lockMs when the window reaches `limit` failures.
 */
export async function countFailure(db: Kysely<DB>, key: string, now: Date, o: { windowMs: number; limit: number; lockMs: number }): Promise<void> {
  const windowFrom = new Date(now.getTime() - o.windowMs);
  const lockUntil = new Date(now.getTime() + o.lockMs);
  await sql`
    insert into track_attempts as a (key, failures, window_start) values (${key}, 1, ${now})
    on conflict (key) do update set
      failures = case when a.window_start < ${windowFrom} then 1 else a.failures + 1 end,
      window_start = case when a.window_start < ${windowFrom} then ${now} else a.window_start end,
      locked_until = case when a.window_start >= ${windowFrom} and a.failures + 1 >= ${o.limit} then ${lockUntil} else a.locked_until end`.execute(db);
}

/** Forgets the ticket's counter after a right answer. */
export async function clearKey(db: Kysely<DB>, key: string, now: Date): Promise<void> {
  await db.deleteFrom('track_attempts').where('key', '=', key).where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)])).execute();
}

/** Drops counters whose window and lock are long over (housekeeping). */
export async function pruneAttempts(db: Kysely<DB>, before: Date): Promise<void> {
  await db.deleteFrom('track_attempts').where('window_start', '<', before).where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before)])).execute();
}

type KeyEb = ExpressionBuilder<DB, 'track_attempts'>;
/** These keys, and keys starting with these prefixes. */
const matching = (keys: string[], prefixes: string[]) => (eb: KeyEb) =>
  eb.or([...(keys.length ? [eb('key', 'in', keys)] : []), ...prefixes.map((p) => eb('key', 'like', `${p.replace(/[\\%_]/g, (m) => `\\${m}`)}%`))]);

/** Of keys and key prefixes (`prefix%`), those locked at `now`. */
export async function lockedMatching(db: Kysely<DB>, keys: string[], prefixes: string[], now: Date): Promise<string[]> {
  if (!keys.length && !prefixes.length) return [];
  const rows = await db.selectFrom('track_attempts').select('key').where('locked_until', '>', now).where(matching(keys, prefixes)).execute();
  return rows.map((r) => r.key);
}

/** Forgets the counters of these keys and key prefixes (`prefix%`), locked or not. */
export async function clearMatching(db: Kysely<DB>, keys: string[], prefixes: string[]): Promise<void> {
  if (!keys.length && !prefixes.length) return;
  await db.deleteFrom('track_attempts').where(matching(keys, prefixes)).execute();
}
