// The public tracking gate (number + last 4 phone digits) is a 4-digit secret: without a limit it
// falls to 10,000 guesses in seconds. Wrong answers are counted per ticket number (5 in 15 min
// lock that number for 15 min, for everyone, even with the right digits; 20 in a day lock it for a
// day, so even a slow attacker needs years for the 10,000) and per client address (30 in 15 min
// lock the address for 15 min, so numbers cannot be swept a few guesses each). The price: a
// stranger can keep one ticket's tracking page locked; staff and the hotline still see it.
// Counters live in the database, so every app node enforces the same limits.
import type { Deps } from '../server/deps.ts';
import { AppError } from '../shared/errors.ts';
import { clearKey, countFailure, lockedKeys } from './track-throttle.repo.ts';

export const TRACK_LIMITS = {
  perNumber: { windowMs: 15 * 60_000, limit: 5, lockMs: 15 * 60_000 },
  perNumberDay: { windowMs: 86_400_000, limit: 20, lockMs: 86_400_000 },
  perAddress: { windowMs: 15 * 60_000, limit: 30, lockMs: 15 * 60_000 },
};

const numberKey = (n: string) => `n:${n.toUpperCase()}`;
const numberDayKey = (n: string) => `nd:${n.toUpperCase()}`;
const addressKey = (ip: string) => `ip:${ip}`;

/** Runs `check` (which throws ticket_not_found on a wrong answer) behind the limits. */
export async function throttledTrack<T>(deps: Deps, number: string, ip: string | undefined, check: () => Promise<T>): Promise<T> {
  const now = deps.now();
  const keys = [numberKey(number), numberDayKey(number), ...(ip ? [addressKey(ip)] : [])];
  if ((await lockedKeys(deps.db, keys, now)).length) throw new AppError('rate_limited', 'too many wrong answers: try again in 15 minutes');
  try {
    const out = await check();
    await clearKey(deps.db, keys[0], now);
    return out;
  } catch (e) {
    if (e instanceof AppError && e.code === 'ticket_not_found') {
      await countFailure(deps.db, keys[0], now, TRACK_LIMITS.perNumber);
      await countFailure(deps.db, keys[1], now, TRACK_LIMITS.perNumberDay);
      if (ip) await countFailure(deps.db, keys[2], now, TRACK_LIMITS.perAddress);
    }
    throw e;
  }
}
