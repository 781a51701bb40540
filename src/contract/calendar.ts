// Working-day calendar: shared schemas for server, web and CLI.
import { z } from 'zod';
import { Page } from './common.ts';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
/** A calendar day 'YYYY-MM-DD' that exists. */
export const Day = z.string().regex(DAY_RE, 'expected YYYY-MM-DD').refine(isRealDay, 'no such day');

/** An instant: ISO 8601 date-time with Z or an offset, or a plain day (Shanghai midnight). */
export const Instant = z.union([z.iso.datetime({ offset: true }), Day]);

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
