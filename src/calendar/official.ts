// The State Council holiday arrangement (放假安排 with 调休 make-up workdays), from the
// `chinese-days` package. Its data covers 2004 through OFFICIAL_LAST_YEAR; for later years the
// statutory days off count (LUNAR_DAYS below) with weekends, until the package is updated; their
// 调休 come as local overrides.
import { createRequire } from 'node:module';

export interface OfficialDay {
  workday: boolean;
  /** holiday: an official rest day; makeup: a 调休 weekend workday; weekend; weekday. */
  kind: 'holiday' | 'makeup' | 'weekend' | 'weekday';
  /** Festival name for holiday/makeup days. */
  name?: { zh: string; en: string };
  /** a statutory day off of a year whose State Council arrangement is not in the table yet */
  provisional?: boolean;
}

// The package's prebuilt table ('YYYY-MM-DD' → "National Day,国庆节,3"). We read the table rather
// than call its functions: chinese-days builds its tables at load time with a mix of UTC parsing
// and local-time getters, so in time zones west of UTC its runtime answers drop the last day of
// every holiday. The JSON was generated once and is independent of the process time zone.
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

const years = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));
/** The years the official arrangement covers (2004–2026 in chinese-days 1.5.7). */
export const OFFICIAL_FIRST_YEAR = Math.min(...years);
export const OFFICIAL_LAST_YEAR = Math.max(...years);

const festival = (entry: string) => {
  const [en, zh] = entry.split(',');
  return { zh, en };
};

/**
 * Lunar new year's day, 清明, 端午 and 中秋 (MM-DD) of the years after the package's table, so the
 * statutory days off (全国年节及纪念日放假办法, 2025 revision) count before the State Council
 * publishes the year's arrangement: 元旦 1 day, 春节 4 (除夕 to 初三), 清明 1, 劳动节 2, 端午 1,
 * 中秋 1, 国庆 3. Its 调休 (moved weekends) can only come from the arrangement: add them as local
 * overrides until the package has the year. (Computed once with chinese-days' lunar conversion,
 * in UTC; the test checks them against it.)
 */
export const LUNAR_DAYS: Record<number, [newYear: string, qingming: string, duanwu: string, midAutumn: string]> = {
  2027: ['02-06', '04-05', '06-09', '09-15'], 2028: ['01-26', '04-04', '05-28', '10-03'], 2029: ['02-13', '04-04', '06-16', '09-22'],
  2030: ['02-03', '04-05', '06-05', '09-12'], 2031: ['01-23', '04-05', '06-24', '10-01'], 2032: ['02-11', '04-04', '06-12', '09-19'],
  2033: ['01-31', '04-04', '06-01', '09-08'], 2034: ['02-19', '04-05', '06-20', '09-27'], 2035: ['02-08', '04-05', '06-10', '09-16'],
  2036: ['01-28', '04-04', '05-30', '10-04'], 2037: ['02-15', '04-04', '06-18', '09-24'], 2038: ['02-04', '04-05', '06-07', '09-13'],
  2039: ['01-24', '04-05', '05-27', '10-02'], 2040: ['02-12', '04-04', '06-14', '09-20'],
};

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const statutoryCache = new Map<number, Map<string, { zh: string; en: string }>>();
/** The statutory days off of a year after the official table (empty when its lunar dates are not known). */
export function statutoryDays(year: number): Map<string, { zh: string; en: string }> {
  let m = statutoryCache.get(year);
  if (m) return m;
  m = new Map();
  const lunar = LUNAR_DAYS[year];
  if (lunar) {
    const put = (day: string, zh: string, en: string) => m!.set(day, { zh, en });
    put(`${year}-01-01`, '元旦', "New Year's Day");
    const cny = `${year}-${lunar[0]}`;
    for (let i = -1; i <= 2; i++) put(addDays(cny, i), '春节', 'Spring Festival');
    put(`${year}-${lunar[1]}`, '清明节', 'Tomb-sweeping Day');
    put(`${year}-05-01`, '劳动节', 'Labour Day');
    put(`${year}-05-02`, '劳动节', 'Labour Day');
    put(`${year}-${lunar[2]}`, '端午节', 'Dragon Boat Festival');
    put(`${year}-${lunar[3]}`, '中秋节', 'Mid-autumn Festival');
    for (const d of ['10-01', '10-02', '10-03']) put(`${year}-${d}`, '国庆节', 'National Day');
  }
  statutoryCache.set(year, m);
  return m;
}

/** The official status of a Shanghai day. */
export function officialDay(day: string): OfficialDay {
  const work = data.workdays[day];
  if (work) return { workday: true, kind: 'makeup', name: festival(work) };
  const rest = data.holidays[day];
  if (rest) return { workday: false, kind: 'holiday', name: festival(rest) };
  const year = Number(day.slice(0, 4));
  if (year > OFFICIAL_LAST_YEAR) {
    const statutory = statutoryDays(year).get(day);
    if (statutory) return { workday: false, kind: 'holiday', name: statutory, provisional: true };
  }
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6 ? { workday: false, kind: 'weekend' } : { workday: true, kind: 'weekday' };
}
