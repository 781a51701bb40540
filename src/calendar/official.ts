// The State Council holiday arrangement (放假安排 with 调休 make-up workdays), from the
// `chinese-days` package. Its data covers 2004 through OFFICIAL_LAST_YEAR; for later years only
// weekends count as rest days until the package is updated (local overrides can fill the gap).
import { createRequire } from 'node:module';

export interface OfficialDay {
  workday: boolean;
  /** holiday: an official rest day; makeup: a 调休 weekend workday; weekend; weekday. */
  kind: 'holiday' | 'makeup' | 'weekend' | 'weekday';
  /** Festival name for holiday/makeup days. */
  name?: { zh: string; en: string };
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

/** The official status of a Shanghai day. */
export function officialDay(day: string): OfficialDay {
  const work = data.workdays[day];
  if (work) return { workday: true, kind: 'makeup', name: festival(work) };
  const rest = data.holidays[day];
  if (rest) return { workday: false, kind: 'holiday', name: festival(rest) };
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6 ? { workday: false, kind: 'weekend' } : { workday: true, kind: 'weekday' };
}
