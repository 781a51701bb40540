// Asia/Shanghai time without a time-zone database: China has used a fixed UTC+08:00 with no
// daylight saving since 1991, so a Shanghai calendar day is a UTC day shifted by eight hours.
// Days are plain 'YYYY-MM-DD' strings; all day arithmetic is done on UTC midnights.

export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written 'YYYY-MM-DD' (rejects 2025-02-30). */
export function isDay(s: string): boolean {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The Shanghai calendar day of an instant. */
export function shanghaiDay(t: Date): string {
  return new Date(t.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Milliseconds since the Unix epoch of a day's UTC midnight (an index for day arithmetic). */
function dayIndex(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3]);
}

export function addDays(day: string, n: number): string {
  return new Date(dayIndex(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayIndex(b) - dayIndex(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(dayIndex(day)).getUTCDay();
}

/** The instant at which a Shanghai day begins (00:00 +08:00). */
export function shanghaiMidnight(day: string): Date {
  return new Date(dayIndex(day) - SHANGHAI_OFFSET_MS);
}

/** Shanghai wall-clock time to the minute, as alerts quote a deadline: 2025-10-09 10:00. */
export function shanghaiMinute(t: Date): string {
  return toShanghaiIso(t).slice(0, 16).replace('T', ' ');
}

/** ISO 8601 with the Shanghai offset: 2025-10-09T10:00:00.000+08:00. */
export function toShanghaiIso(t: Date): string {
  return new Date(t.getTime() + SHANGHAI_OFFSET_MS).toISOString().replace('Z', '+08:00');
}
