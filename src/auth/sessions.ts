// Login, logout and session lookup. Tokens are random; only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../server/deps.ts';
import { AppError } from '../shared/errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import * as repo from './auth.repo.ts';
import { clearKey, clearMatching, countFailure, lockedKeys, lockedMatching } from '../shared/attempts.repo.ts';

export const SESSION_COOKIE = 'lx_session';
export const SESSION_HOURS = 12;
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
/**
 * Wrong passwords are counted per username × client address (5 in 15 min lock that pair for 15
 * min), per username from anywhere (50: a spread-out guesser) and per address over all usernames
 * (100: spraying). So a stranger elsewhere cannot lock a colleague out with five guesses, and an
 * unknown username is counted and locked like a real one (the answer never tells which exist).
 */
export const LOGIN_LIMITS = {
  perUserAddress: { windowMs: LOCK_MINUTES * 60_000, limit: LOCK_AFTER_FAILURES, lockMs: LOCK_MINUTES * 60_000 },
  perUser: { windowMs: LOCK_MINUTES * 60_000, limit: 50, lockMs: LOCK_MINUTES * 60_000 },
  perAddress: { windowMs: LOCK_MINUTES * 60_000, limit: 100, lockMs: LOCK_MINUTES * 60_000 },
};

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
let dummyHash: Promise<string> | null = null;

const loginName = (username: string) => username.trim().toLowerCase();
const userKey = (name: string) => `lg:${name}`;
/** the prefix of a username's per-address counters (`lu:<name>|<address>`) */
const userAddressKey = (name: string) => `lu:${name}|`;

/** Of these usernames, those that cannot sign in now from somewhere (the admin's "locked"). */
export async function lockedUsernames(deps: Pick<Deps, 'db' | 'now'>, usernames: string[]): Promise<Set<string>> {
  const names = usernames.map(loginName);
  const keys = await lockedMatching(deps.db, names.map(userKey), names.map(userAddressKey), deps.now());
  return new Set(usernames.filter((u) => keys.some((k) => k === userKey(loginName(u)) || k.startsWith(userAddressKey(loginName(u))))));
}

/** Lifts a username's sign-in locks (an admin resetting the password). */
export async function clearLoginLocks(deps: Pick<Deps, 'db'>, username: string): Promise<void> {
  const name = loginName(username);
  await clearMatching(deps.db, [userKey(name)], [userAddressKey(name)]);
}

export async function login(deps: Deps, input: { username: string; password: string }, ip = 'unknown') {
  const now = deps.now();
  const name = loginName(input.username);
  const counters = [
    { key: `${userAddressKey(name)}${ip}`, limits: LOGIN_LIMITS.perUserAddress },
    { key: userKey(name), limits: LOGIN_LIMITS.perUser },
    { key: `la:${ip}`, limits: LOGIN_LIMITS.perAddress },
  ];
  const keys = counters.map((c) => c.key);
  if ((await lockedKeys(deps.db, keys, now)).length) throw new AppError('account_locked');
  const user = await repo.findUserByUsername(deps.db, input.username);
  // (an unknown user costs the same work as a real check, so timing does not tell either)
  const ok = user?.active ? await verifyPassword(user.password_hash, input.password) : (await verifyPassword(await (dummyHash ??= hashPassword('lianxin-dummy')), input.password), false);
  if (!user || !ok) {
    for (const c of counters) await countFailure(deps.db, c.key, now, c.limits);
    throw new AppError((await lockedKeys(deps.db, keys, now)).length ? 'account_locked' : 'bad_credentials');
  }
  await clearKey(deps.db, counters[0].key, now);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await repo.insertSession(deps.db, tokenHash(token), user.id, expiresAt);
  const actor = await repo.findActorBySession(deps.db, tokenHash(token), now);
  return { token, expiresAt, actor: actor! };
}

export async function logout(deps: Deps, token: string | undefined) {
  if (!token) return;
  actorCache.delete(tokenHash(token));
  await repo.deleteSession(deps.db, tokenHash(token));
}

/**
 * Session lookups are cached per process for a few seconds (every API call needs one). A logout
 * on this node takes effect at once; on other nodes within SESSION_CACHE_MS.
 */
export const SESSION_CACHE_MS = Number(process.env.LIANXIN_SESSION_CACHE_MS ?? 5000);
const actorCache = new Map<string, { at: number; actor: Awaited<ReturnType<typeof repo.findActorBySession>> }>();

export async function actorForToken(deps: Deps, token: string) {
  const key = tokenHash(token);
  const hit = actorCache.get(key);
  const now = Date.now();
  if (hit && now - hit.at < SESSION_CACHE_MS) return hit.actor;
  const actor = await repo.findActorBySession(deps.db, key, deps.now());
  if (actorCache.size > 10_000) actorCache.clear();
  if (actor) actorCache.set(key, { at: now, actor });
  else actorCache.delete(key);
  return actor;
}

/** Drops this node's cached sessions of a user (deactivated, role/unit changed, password reset). */
export function forgetUserSessions(userId: string) {
  for (const [k, v] of actorCache) if (v.actor?.id === userId) actorCache.delete(k);
}
