import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { seedTestFixture, FIXTURE_PASSWORD } from '../test/fixture.ts';
import { invalidateCalendar, loadCalendar } from './load-calendar.ts';

describe.each(DB_KINDS)('calendar API on %s', (kind) => {
  let t: TestDb;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let adminCookie: string;
  let handlerCookie: string;
  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: FIXTURE_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'lx_session')!;
    return `${c.name}=${c.value}`;
  };
  beforeAll(async () => {
    t = await createTestDb(kind);
    await seedTestFixture(t.deps);
    app = await buildApp(t.deps, { logger: false, web: false });
    adminCookie = await login('admin');
    handlerCookie = await login('zhujian');
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });
  const add = (from: string, days: string | number) =>
    app.inject({ method: 'GET', url: `/api/v1/calendar/add-working-days?from=${encodeURIComponent(from)}&days=${days}` });

  it('adds working days across National Day 2025', async () => {
    const res = await add('2025-09-30T10:00:00+08:00', 1);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ result: '2025-10-09T10:00:00.000+08:00', resultUtc: '2025-10-09T02:00:00.000Z', day: '2025-10-09' });
    expect((await add('2025-10-03T02:00:00Z', 1)).json().result).toBe('2025-10-09T10:00:00.000+08:00');
    expect((await add('2026-02-13', 1)).json().result).toBe('2026-02-14T00:00:00.000+08:00');
    expect((await add('2025-10-03T10:00:00+08:00', 0)).json().result).toBe('2025-10-03T10:00:00.000+08:00');
    // An unencoded '+' arrives as a space and is still read as the offset.
    const raw = await app.inject({ method: 'GET', url: '/api/v1/calendar/add-working-days?from=2025-09-30T10:00:00+08:00&days=1' });
    expect(raw.json().result).toBe('2025-10-09T10:00:00.000+08:00');
  });
  it('refuses bad input with 400 and a zh/en message', async () => {
    for (const [from, days] of [['yesterday', 1], ['2025-13-01T00:00:00Z', 1], ['2025-02-30', 1], ['2025-09-30T10:00:00+08:00', 1.5],
      ['2025-09-30T10:00:00+08:00', 'x'], ['2025-09-30T10:00:00+08:00', 1e9], ['2025-09-30T10:00:00+08:00', '']] as const) {
      const res = await add(from, days);
      expect(res.statusCode, `${from} ${days}`).toBe(400);
      expect(res.json().error.code).toBe('validation');
      expect(res.json().error.message.zh).toBeTruthy();
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/calendar/add-working-days' })).statusCode).toBe(400);
  });
  it('says which years the official arrangement covers, and marks statutory days beyond it', async () => {
    const c = (await app.inject({ method: 'GET', url: '/api/v1/calendar/coverage' })).json();
    expect(c.officialFrom).toBeLessThanOrEqual(2004);
    expect(c.statutoryTo).toBeGreaterThan(c.officialTo);
    const y = c.officialTo + 1;
    const day = (await app.inject({ method: 'GET', url: `/api/v1/calendar/days?from=${y}-01-01&to=${y}-01-01` })).json().items[0];
    expect(day).toMatchObject({ workday: false, source: 'holiday' });
    expect(day.reason.zh).toContain('元旦');
  });

  it('lists days with reasons', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/calendar/days?from=2025-09-27&to=2025-10-12' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(16);
    const byDay = Object.fromEntries(body.items.map((d: { day: string }) => [d.day, d]));
    expect(byDay['2025-09-28']).toMatchObject({ workday: true, source: 'makeup' });
    expect(byDay['2025-09-28'].reason.zh).toContain('调休');
    expect(byDay['2025-10-01']).toMatchObject({ workday: false, source: 'holiday' });
    expect(byDay['2025-10-01'].reason.zh).toBe('国庆节');
    expect(byDay['2025-10-11']).toMatchObject({ workday: true, source: 'makeup' });
    expect(byDay['2025-10-12']).toMatchObject({ workday: false, source: 'weekend' });
    expect(body.workdays).toBe(6); // Sep 28 (make-up), 29, 30, Oct 9, 10, 11 (make-up)
  });
  it('limits listings to 400 days and rejects reversed ranges', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/calendar/days?from=2025-01-01&to=2026-12-31' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/calendar/days?from=2025-02-01&to=2025-01-01' })).statusCode).toBe(400);
  });
  it('lets an admin manage overrides, which change the arithmetic at once', async () => {
    const base = '/api/v1/admin/holiday-overrides';
    expect((await app.inject({ method: 'GET', url: base })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: base, headers: { cookie: handlerCookie } })).statusCode).toBe(403);
    const created = await app.inject({ method: 'POST', url: base, headers: { cookie: adminCookie }, payload: { day: '2025-10-09', kind: 'holiday', note: '台风' } });
    expect(created.statusCode).toBe(201);
    const dup = await app.inject({ method: 'POST', url: base, headers: { cookie: adminCookie }, payload: { day: '2025-10-09', kind: 'holiday' } });
    expect(dup.statusCode).toBe(409);
    expect((await add('2025-09-30T10:00:00+08:00', 1)).json().day).toBe('2025-10-10');
    await app.inject({ method: 'POST', url: base, headers: { cookie: adminCookie }, payload: { day: '2025-10-12', kind: 'workday' } });
    const list = await app.inject({ method: 'GET', url: `${base}?pageSize=1`, headers: { cookie: adminCookie } });
    expect(list.json()).toMatchObject({ total: 2, page: 1, pageSize: 1, items: [{ day: '2025-10-12', kind: 'workday', note: null }] });
    const put = await app.inject({ method: 'PUT', url: `${base}/2025-10-09`, headers: { cookie: adminCookie }, payload: { kind: 'workday' } });
    expect(put.statusCode).toBe(200);
    expect((await add('2025-09-30T10:00:00+08:00', 1)).json().day).toBe('2025-10-09');
    expect((await app.inject({ method: 'DELETE', url: `${base}/2025-10-09`, headers: { cookie: adminCookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: `${base}/2025-10-09`, headers: { cookie: adminCookie } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'PUT', url: `${base}/not-a-day`, headers: { cookie: adminCookie }, payload: { kind: 'workday' } })).statusCode).toBe(400);
    const bad = await app.inject({ method: 'POST', url: base, headers: { cookie: adminCookie }, payload: { day: '2025-10-09', kind: 'maybe' } });
    expect(bad.statusCode).toBe(400);
  });
  it('sees overrides written by another node after invalidation', async () => {
    await t.deps.db.insertInto('holiday_overrides').values({ day: '2026-03-02', kind: 'holiday', note: 'other node' }).execute();
    await invalidateCalendar(t.deps); // what the TTL does on its own after a few seconds
    expect((await loadCalendar(t.deps)).isWorkday('2026-03-02')).toBe(false);
  });
});
