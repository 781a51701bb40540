// Calendar API: public working-day arithmetic and day listings; admin CRUD for local overrides.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { assertAdmin } from '../auth/policy.ts';
import { paged } from '../contract/common.ts';
import {
  AddWorkingDaysQuery, AddWorkingDaysResponse, CalendarDaysQuery, CalendarDaysResponse, Day, HolidayOverride,
  HolidayOverrideBody, HolidayOverrideListQuery, HolidayOverridePatch,
} from '../contract/calendar.ts';
import { AppError } from '../shared/errors.ts';
import { loadCalendar } from './load-calendar.ts';
import { LUNAR_DAYS, OFFICIAL_FIRST_YEAR, OFFICIAL_LAST_YEAR } from './official.ts';
import { daysBetween, shanghaiDay, toShanghaiIso } from './shanghai.ts';
import { createHolidayOverride, deleteHolidayOverride, listHolidayOverrides, updateHolidayOverride } from './overrides.ts';

const MAX_LISTED_DAYS = 400;

export async function calendarRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];

  r.get('/api/v1/calendar/add-working-days', { schema: { tags, querystring: AddWorkingDaysQuery, response: { 200: AddWorkingDaysResponse } } }, async (req) => {
    const from = req.query.from;
    const result = (await loadCalendar(deps)).addWorkingDays(from, req.query.days);
    return { result: toShanghaiIso(result), resultUtc: result.toISOString(), day: shanghaiDay(result) };
  });

  // which years the State Council arrangement (with its 调休) is known for; later ones count only the statutory days off
  r.get('/api/v1/calendar/coverage', {
    schema: { tags, response: { 200: z.object({ officialFrom: z.number().int(), officialTo: z.number().int(), statutoryTo: z.number().int() }) } },
  }, async () => ({ officialFrom: OFFICIAL_FIRST_YEAR, officialTo: OFFICIAL_LAST_YEAR, statutoryTo: Math.max(OFFICIAL_LAST_YEAR, ...Object.keys(LUNAR_DAYS).map(Number)) }));

  r.get('/api/v1/calendar/days', { schema: { tags, querystring: CalendarDaysQuery, response: { 200: CalendarDaysResponse } } }, async (req) => {
    const { from, to } = req.query;
    const span = daysBetween(from, to);
    if (span < 0) throw new AppError('validation', 'to is before from');
    if (span >= MAX_LISTED_DAYS) throw new AppError('validation', `at most ${MAX_LISTED_DAYS} days`);
    const items = (await loadCalendar(deps)).days(from, to);
    return { items, workdays: items.filter((d) => d.workday).length };
  });

  const base = '/api/v1/admin/holiday-overrides';
  const admin = { tags: ['admin', 'calendar'], security: [{ session: [] }] };
  r.get(base, { schema: { ...admin, querystring: HolidayOverrideListQuery, response: { 200: paged(HolidayOverride) } } }, async (req) => {
    assertAdmin(req.actor);
    return listHolidayOverrides(deps, req.query);
  });
  r.post(base, { schema: { ...admin, body: HolidayOverrideBody, response: { 201: HolidayOverride } } }, async (req, reply) => {
    assertAdmin(req.actor);
    return reply.status(201).send(await createHolidayOverride(deps, req.body));
  });
  const DayParam = z.object({ day: Day });
  r.put(`${base}/:day`, { schema: { ...admin, params: DayParam, body: HolidayOverridePatch, response: { 200: HolidayOverride } } }, async (req) => {
    assertAdmin(req.actor);
    return updateHolidayOverride(deps, req.params.day, req.body);
  });
  r.delete(`${base}/:day`, { schema: { ...admin, params: DayParam } }, async (req) => {
    assertAdmin(req.actor);
    await deleteHolidayOverride(deps, req.params.day);
    return { ok: true };
  });
}
