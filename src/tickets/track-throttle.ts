// The public tracking gate (number + last 4 phone digits) is a 4-digit secret: without a limit it
// falls to 10,000 guesses in seconds. Wrong answers are counted per ticket number (5 in 15 min
// lock that number for 15 min, for everyone, even with the right digits; 20 in a day lock it for a
// day, so even a slow attacker needs years for the 10,000) and per client address (30 in 15 min
// lock the address for 15 min, so numbers cannot be swept a few guesses each). The price: a
// stranger can keep one ticket's tracking page locked; staff and the hotline still see it.
// Counters live in the database, so every app node enforces the same limits.
import type { Deps } from '../server/deps.ts';
import { AppError } from '../shared/errors.ts';
import { clearKey, countFailure, lockedKeys } from '../shared/attempts.repo.ts';

export const TRACK_LIMITS = {
  perNumber: { windowMs: 15 * 60_000, limit: 5, lockMs: 15 * 60_000 },
  perNumberDay: { windowMs: 86_400_000, limit: 20, lockMs: 86_400_000 },
  perAddress: { windowMs: 15 * 60_000, limit: 30, lockMs: 15 * 60_000 },
};

/** Runs `check` (which throws ticket_not_found on a wrong answer) behind the limits. */
export async function throttledTrack<T>(deps: Deps, number: string, ip: string | undefined, check: () => Promise<T>): Promise<T> {
  const now = deps.now();
  const n = number.toUpperCase();
  // each counter: its key and its limits; the first (the 15-minute one) is forgiven by a right answer
  const counters = [
    { key: `n:${n}`, limits: TRACK_LIMITS.perNumber },
    { key: `nd:${n}`, limits: TRACK_LIMITS.perNumberDay },
    ...(ip ? [{ key: `ip:${ip}`, limits: TRACK_LIMITS.perAddress }] : []),
  ];
  if ((await lockedKeys(deps.db, counters.map((c) => c.key), now)).length) throw new AppError('rate_limited', 'too many wrong answers: try again in 15 minutes');
  try {
    const out = await check();
    await clearKey(deps.db, counters[0].key, now);
    return out;
  } catch (e) {
    if (e instanceof AppError && e.code === 'ticket_not_found') for (const c of counters) await countFailure(deps.db, c.key, now, c.limits);
    throw e;
  }
}
