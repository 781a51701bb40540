// Working-day calendar: shared schemas for server, web and CLI.
import { z } from 'zod';
import { Page } from './common.ts';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
/** The years the working-day calendar answers for (official holidays are published a year ahead; beyond, weekends only). */
export const CALENDAR_YEARS = { min: 1970, max: 2099 } as const;
const inYears = (y: number) => y >= CALENDAR_YEARS.min && y <= CALENDAR_YEARS.max;
const isRealDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
/** A calendar day 'YYYY-MM-DD' that exists, in the calendar's years. */
export const Day = z
  .string()
  .regex(DAY_RE, 'expected YYYY-MM-DD')
  .refine(isRealDay, 'no such day')
  .refine((s) => inYears(Number(s.slice(0, 4))), `the calendar covers ${CALENDAR_YEARS.min}–${CALENDAR_YEARS.max}`);

const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?|\s\d{2}(?::?\d{2})?)?$/;

/**
 * Parses an instant: ISO 8601 'YYYY-MM-DD[THH:MM[:SS[.fff]]][Z|±HH[:MM]]'. Without an offset
 * the time is Shanghai time (+08:00); a plain day is Shanghai midnight. A space before the
 * offset is read as '+' (an unencoded '+' in a query string arrives as a space). Null when
 * invalid (including impossible dates such as 2025-02-30 or 24:00).
 */
export function parseInstant(input: string): Date | null {
  const m = INSTANT_RE.exec(input.trim());
  if (!m) return null;
  const [, y, mo, d, hh = '00', mi = '00', ss = '00', frac = '0', off] = m;
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +hh > 23 || +mi > 59 || +ss > 59) return null;
  const day = new Date(Date.UTC(+y, +mo - 1, +d));
  if (day.getUTCMonth() !== +mo - 1) return null;
  let offsetMin = 480;
  if (off && off.toUpperCase() !== 'Z') {
    const o = off.trim();
    const sign = off.startsWith('-') ? -1 : 1;
    const digits = o.replace(/^[+-]/, '').replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
    if (Math.abs(offsetMin) > 14 * 60) return null;
  } else if (off) offsetMin = 0;
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  const t = Date.UTC(+y, +mo - 1, +d, +hh, +mi, +ss, ms) - offsetMin * 60_000;
  return Number.isNaN(t) ? null : new Date(t);
}

/** An instant (see parseInstant), parsed to a Date. */
export const Instant = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const d = parseInstant(s);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: 'expected an ISO 8601 date-time, e.g. 2025-09-30T10:00:00+08:00' });
      return z.NEVER;
    }
    if (!inYears(d.getUTCFullYear())) {
      ctx.addIssue({ code: 'custom', message: `the calendar covers ${CALENDAR_YEARS.min}–${CALENDAR_YEARS.max}` });
      return z.NEVER;
    }
    return d;
  });

export const AddWorkingDaysQuery = z.object({
  from: Instant,
  days: z.string().regex(/^[+-]?\d{1,6}$/, 'expected an integer').transform(Number).pipe(z.number().int().min(-3650).max(3650)),
});
export const AddWorkingDaysResponse = z.object({
  /** The result with the Shanghai offset, e.g. 2025-10-09T10:00:00.000+08:00. */
  result: z.string(),
  /** The same instant in UTC. */
  resultUtc: z.string(),
  /** The result's Shanghai calendar day. */
  day: z.string(),
});

export const CalendarDaysQuery = z.object({ from: Day, to: Day });
export const DayInfo = z.object({
  day: z.string(),
  weekday: z.number().int(),
  workday: z.boolean(),
  source: z.enum(['override', 'holiday', 'makeup', 'weekend', 'weekday']),
  reason: z.object({ zh: z.string(), en: z.string() }),
});
export const CalendarDaysResponse = z.object({ items: z.array(DayInfo), workdays: z.number().int() });

export const OverrideKind = z.enum(['workday', 'holiday']);
export const HolidayOverride = z.object({ day: z.string(), kind: OverrideKind, note: z.string().nullable() });
export const HolidayOverrideBody = z.object({ day: Day, kind: OverrideKind, note: z.string().trim().max(200).nullish() });
export const HolidayOverridePatch = z.object({ kind: OverrideKind, note: z.string().trim().max(200).nullish() });
export const HolidayOverrideListQuery = Page.extend({ from: Day.optional(), to: Day.optional() });
