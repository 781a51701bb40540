// Working days across real holiday arrangements, checked against hard-coded official dates and
// against chinese-days itself.
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { Calendar } from './calendar.ts';
import { addDays, shanghaiDay } from './shanghai.ts';
import { OFFICIAL_FIRST_YEAR, OFFICIAL_LAST_YEAR } from './official.ts';

const cal = new Calendar();
const at = (s: string) => new Date(s);
/** chinese-days, asked with a local-noon Date so the process time zone cannot shift the day. */
const cdDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
};
// chinese-days computes its tables at load time in local time and drops days west of UTC; its
// functions are only a trustworthy reference in UTC or east of it (CI runs in UTC).
const refOk = new Date(2025, 0, 1).getTimezoneOffset() <= 0;
const itRef = refOk ? it : it.skip;
const cdIsWorkday = (day: string) => chineseDays.isWorkday(cdDate(day));
const cdFind = (n: number, day: string) => chineseDays.findWorkday(n, cdDate(day));
const range = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

describe('official arrangement', () => {
  it('2025 Spring Festival: Jan 28 – Feb 4 off, Jan 26 (Sun) and Feb 8 (Sat) worked', () => {
    for (const d of range('2025-01-28', '2025-02-04')) {
      expect(cal.isWorkday(d), d).toBe(false);
      expect(cal.describe(d).reason.zh).toBe('春节');
    }
    expect(cal.isWorkday('2025-01-26')).toBe(true);
    expect(cal.isWorkday('2025-02-08')).toBe(true);
    expect(cal.describe('2025-02-08').source).toBe('makeup');
    expect(cal.describe('2025-02-08').reason.zh).toBe('春节调休上班');
    expect(cal.isWorkday('2025-01-27')).toBe(true);
    expect(cal.isWorkday('2025-02-05')).toBe(true);
    expect(cal.isWorkday('2025-02-09')).toBe(false); // an ordinary Sunday
  });
  it('2025 National Day: Oct 1–8 off, Sep 28 (Sun) and Oct 11 (Sat) worked', () => {
    for (const d of range('2025-10-01', '2025-10-08')) expect(cal.isWorkday(d), d).toBe(false);
    expect(cal.isWorkday('2025-09-28')).toBe(true);
    expect(cal.isWorkday('2025-10-11')).toBe(true);
    expect(cal.isWorkday('2025-10-12')).toBe(false);
  });
  it('2026 Spring Festival: Feb 15–23 off, Feb 14 and Feb 28 (Sat) worked', () => {
    for (const d of range('2026-02-15', '2026-02-23')) expect(cal.isWorkday(d), d).toBe(false);
    expect(cal.isWorkday('2026-02-14')).toBe(true);
    expect(cal.isWorkday('2026-02-28')).toBe(true);
    expect(cal.isWorkday('2026-02-24')).toBe(true);
  });
  it('2026 National Day: Oct 1–7 off, Sep 20 (Sun) and Oct 10 (Sat) worked', () => {
    for (const d of range('2026-10-01', '2026-10-07')) expect(cal.isWorkday(d), d).toBe(false);
    expect(cal.isWorkday('2026-09-20')).toBe(true);
    expect(cal.isWorkday('2026-10-10')).toBe(true);
    expect(cal.isWorkday('2026-10-08')).toBe(true);
  });
  it('covers 2025 and 2026', () => {
    expect(OFFICIAL_FIRST_YEAR).toBeLessThanOrEqual(2025);
    expect(OFFICIAL_LAST_YEAR).toBeGreaterThanOrEqual(2026);
  });
  itRef('agrees with chinese-days on every day of 2025 and 2026', () => {
    const wrong = range('2025-01-01', '2026-12-31').filter((d) => cal.isWorkday(d) !== cdIsWorkday(d));
    expect(wrong).toEqual([]);
  });
});

describe('addWorkingDays', () => {
  const cases: [string, number, string][] = [
    // The decided semantics: the n-th working day strictly after the start's Shanghai date.
    ['2025-09-30T10:00:00+08:00', 1, '2025-10-09T10:00:00+08:00'],
    ['2025-10-03T10:00:00+08:00', 1, '2025-10-09T10:00:00+08:00'],
    ['2025-09-26T09:30:00+08:00', 1, '2025-09-28T09:30:00+08:00'], // Fri → make-up Sunday
    ['2025-09-26T09:30:00+08:00', 3, '2025-09-30T09:30:00+08:00'],
    ['2025-09-30T10:00:00+08:00', 3, '2025-10-11T10:00:00+08:00'], // Oct 9, 10, make-up Sat 11
    ['2025-09-30T10:00:00+08:00', 15, '2025-10-28T10:00:00+08:00'], // 9,10,11,13–17,20–24,27,28
    ['2025-01-24T16:00:00+08:00', 1, '2025-01-26T16:00:00+08:00'], // Fri → make-up Sunday
    ['2025-01-26T16:00:00+08:00', 1, '2025-01-27T16:00:00+08:00'],
    ['2025-01-27T16:00:00+08:00', 1, '2025-02-05T16:00:00+08:00'],
    ['2025-01-27T16:00:00+08:00', 4, '2025-02-08T16:00:00+08:00'], // Feb 5,6,7, make-up Sat 8
    ['2025-01-27T16:00:00+08:00', 5, '2025-02-10T16:00:00+08:00'],
    ['2026-02-13T11:00:00+08:00', 1, '2026-02-14T11:00:00+08:00'], // make-up Saturday
    ['2026-02-14T11:00:00+08:00', 1, '2026-02-24T11:00:00+08:00'],
    ['2026-02-18T11:00:00+08:00', 5, '2026-02-28T11:00:00+08:00'], // 24,25,26,27, make-up 28
    ['2026-09-30T08:00:00+08:00', 1, '2026-10-08T08:00:00+08:00'],
    ['2026-09-30T08:00:00+08:00', 3, '2026-10-10T08:00:00+08:00'],
    ['2026-09-18T08:00:00+08:00', 1, '2026-09-20T08:00:00+08:00'], // make-up Sunday
    // Shanghai date, not UTC date: 2025-09-30T17:00Z is already Oct 1 in Shanghai.
    ['2025-09-30T17:00:00Z', 1, '2025-10-09T01:00:00+08:00'],
    ['2025-09-30T15:59:00Z', 1, '2025-10-09T23:59:00+08:00'],
  ];
  it.each(cases)('%s + %i working days = %s', (from, n, expected) => {
    const got = cal.addWorkingDays(at(from), n);
    expect(got.toISOString()).toBe(at(expected).toISOString());
    // The date part is what chinese-days' findWorkday says for the start's Shanghai date.
    if (refOk) expect(shanghaiDay(got)).toBe(cdFind(n, shanghaiDay(at(from))));
    expect(cal.workingDaysBetween(at(from), got)).toBe(n);
  });
  it('adds nothing for n = 0 and goes back for n < 0', () => {
    const t = at('2025-10-03T10:00:00+08:00');
    expect(cal.addWorkingDays(t, 0).getTime()).toBe(t.getTime());
    expect(cal.addWorkingDays(at('2025-10-09T10:00:00+08:00'), -1).toISOString()).toBe(at('2025-09-30T10:00:00+08:00').toISOString());
    expect(cal.workingDaysBetween(at('2025-10-09T10:00:00+08:00'), at('2025-09-30T10:00:00+08:00'))).toBe(-1);
  });
  itRef('matches findWorkday for every start day of 2025–2026 and n in 1..20', () => {
    const bad: string[] = [];
    for (const d of range('2025-01-01', '2026-11-30')) {
      for (const n of [1, 2, 3, 5, 15, 20]) {
        const got = shanghaiDay(cal.addWorkingDays(at(`${d}T12:00:00+08:00`), n));
        if (got !== cdFind(n, d)) bad.push(`${d}+${n}: ${got} vs ${cdFind(n, d)}`);
      }
    }
    expect(bad).toEqual([]);
  });
  it('refuses out-of-range counts', () => {
    expect(() => cal.addWorkingDays(new Date(), 1e9)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(new Date(), 1.5)).toThrow(RangeError);
  });
});

describe('local overrides', () => {
  it('turn a workday into a holiday and a weekend into a workday', () => {
    const local = new Calendar([
      { day: '2025-10-09', kind: 'holiday', note: '台风停工' },
      { day: '2025-10-12', kind: 'workday', note: null },
    ]);
    expect(local.isWorkday('2025-10-09')).toBe(false);
    expect(local.describe('2025-10-09').source).toBe('override');
    expect(local.describe('2025-10-09').reason.zh).toContain('台风停工');
    expect(local.isWorkday('2025-10-12')).toBe(true);
    // Sep 30 + 1: Oct 9 is now a holiday → Oct 10.
    expect(local.addWorkingDays(at('2025-09-30T10:00:00+08:00'), 1).toISOString()).toBe(at('2025-10-10T10:00:00+08:00').toISOString());
    // Oct 10 + 2: make-up Sat 11, then the overridden Sun 12.
    expect(local.addWorkingDays(at('2025-10-10T10:00:00+08:00'), 2).toISOString()).toBe(at('2025-10-12T10:00:00+08:00').toISOString());
    expect(cal.addWorkingDays(at('2025-10-10T10:00:00+08:00'), 2).toISOString()).toBe(at('2025-10-13T10:00:00+08:00').toISOString());
  });
});

describe('parseInstant', () => {
  it('reads ISO 8601 forms, Shanghai time when no offset is given', async () => {
    const { parseInstant } = await import('../contract/calendar.ts');
    const iso = (s: string) => parseInstant(s)?.toISOString() ?? null;
    expect(iso('2025-09-30T10:00:00+08:00')).toBe('2025-09-30T02:00:00.000Z');
    expect(iso('2025-09-30T10:00:00 08:00')).toBe('2025-09-30T02:00:00.000Z'); // '+' decoded as a space
    expect(iso('2025-09-30T10:00+0800')).toBe('2025-09-30T02:00:00.000Z');
    expect(iso('2025-09-30T02:00:00.5Z')).toBe('2025-09-30T02:00:00.500Z');
    expect(iso('2025-09-30T10:00:00-05:00')).toBe('2025-09-30T15:00:00.000Z');
    expect(iso('2025-09-30 10:00')).toBe('2025-09-30T02:00:00.000Z');
    expect(iso('2025-09-30')).toBe('2025-09-29T16:00:00.000Z');
    for (const bad of ['2025-02-30', '2025-13-01', '2025-09-30T24:00', '2025-09-30T10:61', 'soon', '', '2025-09-30T10:00+15:00', '1759197600000']) {
      expect(parseInstant(bad), bad).toBeNull();
    }
  });
});

describe('years after the official table', () => {
  it('count the statutory days off (元旦, 春节 4 days, 清明, 劳动节 2, 端午, 中秋, 国庆 3) until the arrangement is loaded', async () => {
    const { OFFICIAL_LAST_YEAR, officialDay, statutoryDays } = await import('./official.ts');
    const year = OFFICIAL_LAST_YEAR + 1;
    const days = statutoryDays(year);
    expect(days.size).toBe(13); // the 2025 revision: 13 statutory days
    expect(officialDay(`${year}-01-01`)).toMatchObject({ workday: false, kind: 'holiday', provisional: true });
    expect(officialDay(`${year}-10-03`).workday).toBe(false);
    if (year === 2027) {
      // 除夕 2027-02-05 to 初三 2027-02-08; 清明 04-05; 端午 06-09; 中秋 09-15
      for (const d of ['2027-02-05', '2027-02-08', '2027-04-05', '2027-06-09', '2027-09-15']) expect(officialDay(d).workday, d).toBe(false);
      expect(officialDay('2027-02-09').workday).toBe(true);
      // a deadline counted in working days steps over them
      expect(new Calendar().nthWorkday('2026-12-31', 1)).toBe('2027-01-04');
    }
  });
  it('has the lunar dates chinese-days gives (computed in UTC)', async () => {
    const { LUNAR_DAYS } = await import('./official.ts');
    const cd = (await import('chinese-days')).default;
    if (new Date().getTimezoneOffset() !== 0) return; // the package's lunar functions read local time
    for (const [y, [ny, qm, dw, ma]] of Object.entries(LUNAR_DAYS)) {
      expect(cd.getSolarDateFromLunar(`${y}-01-01`).date).toBe(`${y}-${ny}`);
      expect(cd.getSolarDateFromLunar(`${y}-05-05`).date).toBe(`${y}-${dw}`);
      expect(cd.getSolarDateFromLunar(`${y}-08-15`).date).toBe(`${y}-${ma}`);
      expect(cd.getSolarTerms(`${y}-04-01`, `${y}-04-10`).find((t: { name: string }) => t.name === '清明')?.date).toBe(`${y}-${qm}`);
    }
  });
});
