// Working-day arithmetic in Asia/Shanghai: official holidays and 调休 make-up workdays from
// chinese-days, then local overrides (a county may declare a holiday or a workday) on top.
//
// Semantics (decided for the whole product):
// - addWorkingDays(T, n), n ≥ 1: the same Shanghai wall-clock time on the n-th working day
//   strictly after T's Shanghai date. T's own day never counts, whether or not it is a workday:
//   2025-09-30T10:00+08:00 + 1 → 2025-10-09T10:00+08:00 (Oct 1–8 are National Day holidays);
//   2025-10-03T10:00+08:00 (a holiday) + 1 → 2025-10-09T10:00+08:00. The date part equals
//   chinese-days' findWorkday(n, T's date) when there are no local overrides.
// - n = 0 returns T unchanged; n < 0 mirrors it (the |n|-th working day strictly before T).
// - workingDaysBetween(A, B): working days d with A's date < d ≤ B's date (negated when B is
//   before A), so workingDaysBetween(T, addWorkingDays(T, n)) === n.
import { addDays, daysBetween, isDay, shanghaiDay } from './shanghai.ts';
import { officialDay } from './official.ts';

export type OverrideKind = 'workday' | 'holiday';
export interface HolidayOverride {
  day: string;
  kind: OverrideKind;
  note: string | null;
}

export interface DayInfo {
  day: string;
  weekday: number;
  workday: boolean;
  /** Why: the override, the official holiday/make-up day, or the plain weekday/weekend. */
  source: 'override' | 'holiday' | 'makeup' | 'weekend' | 'weekday';
  /** Human-readable reason, zh and en: 国庆节 / 国庆节调休上班 / 本地调整：… / 周末. */
  reason: { zh: string; en: string };
}

/** At most this many working days may be added in one call (about 14 years). */
export const MAX_WORKING_DAYS = 3650;
const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export class Calendar {
  private readonly overrides: ReadonlyMap<string, HolidayOverride>;

  constructor(overrides: Iterable<HolidayOverride> = []) {
    const m = new Map<string, HolidayOverride>();
    for (const o of overrides) m.set(o.day, o);
    this.overrides = m;
  }

  isWorkday(day: string | Date): boolean {
    const d = typeof day === 'string' ? day : shanghaiDay(day);
    const o = this.overrides.get(d);
    if (o) return o.kind === 'workday';
    return officialDay(d).workday;
  }

  describe(day: string): DayInfo {
    if (!isDay(day)) throw new RangeError(`not a day: ${day}`);
    const off = officialDay(day);
    const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
    const o = this.overrides.get(day);
    if (o) {
      const zh = `本地调整：${o.kind === 'workday' ? '上班' : '休息'}${o.note ? `（${o.note}）` : ''}`;
      const en = `Local override: ${o.kind === 'workday' ? 'workday' : 'holiday'}${o.note ? ` (${o.note})` : ''}`;
      return { day, weekday: wd, workday: o.kind === 'workday', source: 'override', reason: { zh, en } };
    }
    let reason: DayInfo['reason'];
    if (off.kind === 'holiday' && off.provisional) reason = { zh: `${off.name!.zh}（法定假日；当年放假安排尚未收录）`, en: `${off.name!.en} (statutory; the year's official arrangement is not loaded yet)` };
    else if (off.kind === 'holiday') reason = { zh: off.name!.zh, en: off.name!.en };
    else if (off.kind === 'makeup') reason = { zh: `${off.name!.zh}调休上班`, en: `${off.name!.en} make-up workday` };
    else if (off.kind === 'weekend') reason = { zh: `周末（${WEEKDAY_ZH[wd]}）`, en: `Weekend (${WEEKDAY_EN[wd]})` };
    else reason = { zh: WEEKDAY_ZH[wd], en: WEEKDAY_EN[wd] };
    return { day, weekday: wd, workday: off.workday, source: off.kind, reason };
  }

  /** nthWorkday answers, by `day|n`: a calendar never changes once built, and intake asks the same few. */
  private readonly nth = new Map<string, string>();

  /** The n-th working day strictly after (n > 0) or before (n < 0) `day`; `day` itself for 0. */
  nthWorkday(day: string, n: number): string {
    if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKING_DAYS) throw new RangeError(`working days out of range: ${n}`);
    const key = `${day}|${n}`;
    const hit = this.nth.get(key);
    if (hit !== undefined) return hit;
    const d = this.walkWorkdays(day, n);
    if (this.nth.size >= 10_000) this.nth.clear();
    this.nth.set(key, d);
    return d;
  }

  private walkWorkdays(day: string, n: number): string {
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(n);
    let d = day;
    while (left > 0) {
      d = addDays(d, step);
      if (this.isWorkday(d)) left--;
    }
    return d;
  }

  addWorkingDays(from: Date, n: number): Date {
    if (Number.isNaN(from.getTime())) throw new RangeError('invalid date');
    if (n === 0) return new Date(from.getTime());
    const start = shanghaiDay(from);
    const target = this.nthWorkday(start, n);
    // Shanghai has no DST, so moving k calendar days keeps the wall-clock time exactly.
    return new Date(from.getTime() + daysBetween(start, target) * 86_400_000);
  }

  workingDaysBetween(a: Date, b: Date): number {
    const da = shanghaiDay(a);
    const db = shanghaiDay(b);
    if (db < da) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let d = addDays(da, 1); d <= db; d = addDays(d, 1)) if (this.isWorkday(d)) count++;
    return count;
  }

  /** Every day from `from` to `to` inclusive, described. */
  days(from: string, to: string): DayInfo[] {
    const out: DayInfo[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) out.push(this.describe(d));
    return out;
  }
}
