// Rates on both databases: tickets with known outcomes made by the real ticket domain functions
// (intake, sign, reply, callback, return/redispatch, exclusion), then the exact rates asserted,
// per unit (own and rolled up), per month, per division, with the formula settings changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { seedTestFixture, loginCookie, type Fixture } from '../test/fixture.ts';
import { createTicket } from '../tickets/create-ticket.ts';
import { importBatch } from '../tickets/import-tickets.ts';
import { applyTransition } from '../tickets/transition.ts';
import { intakeHooks } from '../tickets/intake-hooks.ts';
import type { Actor } from '../auth/actor.ts';
import type { Role } from '../contract/enums.ts';
import type { TransitionBody } from '../contract/tickets.ts';
import { buildApp } from '../server/app.ts';

const T0 = '2026-03-10T02:00:00.000Z'; // Tuesday 10:00 in Beijing
const PERIOD = 'from=2026-03-01T00:00:00%2B08:00&to=2026-04-01T00:00:00%2B08:00';

async function actorOf(db: TestDb, username: string): Promise<Actor> {
  const r = await db.deps.db.selectFrom('users').leftJoin('units', 'units.id', 'users.unit_id').leftJoin('divisions', 'divisions.code', 'users.division_code')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.unit_id', 'users.division_code', 'units.path as unit_path', 'units.name as unit_name', 'divisions.path as division_path'])
    .where('users.username', '=', username).executeTakeFirstOrThrow();
  return {
    id: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, unitId: r.unit_id, unitPath: r.unit_path ?? null,
    unitName: r.unit_name ?? null, divisionCode: r.division_code, divisionPath: r.division_path ?? null, locale: 'zh',
  };
}

describe.each(DB_KINDS)('reports on %s', (kind) => {
  let db: TestDb;
  let fx: Fixture;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const get = async (who: string, url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie: cookies[who] ?? '' } });
    return { status: res.statusCode, body: JSON.parse(res.body) };
  };

  beforeAll(async () => {
    db = await createTestDb(kind);
    fx = await seedTestFixture(db.deps);
    db.clock.set(T0);
    const A: Record<string, Actor> = {};
    for (const u of ['agent', 'dispatcher', 'supervisor', 'zhujian', 'chengguan']) A[u] = await actorOf(db, u);
    const act = (who: string, t: string, body: TransitionBody) => applyTransition(db.deps, A[who]!, ids[t]!, body);
    const staff = async (name: string, categoryCode: string) => {
      const c = await createTicket(db.deps, A.agent!, { content: `${name} 的诉求内容`, contact: { phone: '13900000000' }, categoryCode, divisionCode: fx.divisions.village1 } as never);
      ids[name] = c.ticket.id;
    };
    const C = fx.categories;
    for (const n of ['T1', 'T2', 'T3', 'T4', 'T7']) await staff(n, C.construction);
    await staff('T5', C.cityMgmt);
    // T8, T9: citizens' tickets the classifier dispatched on its own (through the intake hook).
    const saved = intakeHooks.analyze;
    intakeHooks.analyze = async () => ({ autoCategory: { code: C.propertyService, confidence: 0.93 } });
    try {
      for (const n of ['T8', 'T9']) {
        const c = await createTicket(db.deps, null, { content: `${n} 小区物业不管事`, contact: { phone: '13900000001' }, divisionCode: fx.divisions.village1 } as never);
        expect(c.autoDispatched).toBe(true);
        ids[n] = c.ticket.id;
      }
    } finally {
      intakeHooks.analyze = saved;
    }
    const t6 = await createTicket(db.deps, A.agent!, { content: 'T6 起诉邻居的问题', contact: { phone: '13900000002' } } as never);
    ids.T6 = t6.ticket.id;
    await act('agent', 'T6', { action: 'out_of_scope', ruleCode: 'litigation' });
    // T8: wrong unit — returned, then redispatched to 城管局.
    await act('zhujian', 'T8', { action: 'return', reason: '不属于本单位职责' });
    await act('dispatcher', 'T8', { action: 'redispatch', leadUnitId: fx.units.chengguan });

    db.clock.advanceHours(1);
    for (const t of ['T1', 'T2', 'T7', 'T9']) await act('zhujian', t, { action: 'sign' });
    for (const t of ['T5', 'T8']) await act('chengguan', t, { action: 'sign' });
    for (const t of ['T1', 'T2', 'T7']) await act('zhujian', t, { action: 'reply', text: '已处理完毕' });
    await act('chengguan', 'T5', { action: 'reply', text: '已处理完毕' });
    await act('agent', 'T1', { action: 'callback', resolved: true, satisfaction: 'satisfied' });
    await act('agent', 'T1', { action: 'close' });
    await act('agent', 'T2', { action: 'callback', resolved: true, satisfaction: 'basic' });
    await act('agent', 'T5', { action: 'close' });
    await act('agent', 'T7', { action: 'callback', resolved: true, satisfaction: 'satisfied' });
    await act('supervisor', 'T7', { action: 'exclude', reason: '经审核属不合理诉求' });

    // A week later: T3 is signed late, replied, rated unsatisfied and reopens; T4 was never signed.
    db.clock.advanceHours(200);
    await act('zhujian', 'T3', { action: 'sign' });
    await act('zhujian', 'T3', { action: 'reply', text: '已处理' });
    await act('agent', 'T3', { action: 'callback', resolved: false, satisfaction: 'unsatisfied' });

    app = await buildApp(db.deps, { logger: false, web: false });
    for (const u of ['admin', 'supervisor', 'zhujian_leader', 'zhujian', 'dispatcher', 'grid']) cookies[u] = await loginCookie(app, u);
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('overall rates follow the published formulas exactly', async () => {
    const r = await get('supervisor', `/api/v1/reports/rates?${PERIOD}`);
    expect(r.status).toBe(200);
    const o = r.body.overall;
    // Counted: T1 T2 T3 T4 T5 T8 T9 (T6 out of scope and T7 excluded after review are left out).
    expect(o.tickets).toBe(7);
    expect(o.dispatched).toBe(7);
    // Signed in time: T1 T2 T5 T8 T9; late: T4 (never signed, past the limit). T3 is back with a fresh limit.
    expect(o.response).toEqual({ num: 5, den: 6, rate: 5 / 6 });
    // Called back or closed: T1 (resolved), T2 (resolved), T5 (closed without callback).
    expect(o.resolution).toEqual({ num: 2, den: 3, rate: 2 / 3 });
    // Rated: T1 satisfied, T2 basic, T3 unsatisfied (its rating survives the reopen).
    expect(o.satisfaction).toEqual({ num: 2, den: 3, rate: 2 / 3 });
    expect(o.dispatchAccuracy).toEqual({ num: 6, den: 7, rate: 6 / 7 });
    expect(o.returns).toBe(1);
    expect(o.redispatches).toBe(1);
    expect(o.reopens).toBe(1);
    expect(o.reopenedTickets).toBe(1);
    expect(o.autoShare).toEqual({ num: 2, den: 7, rate: 2 / 7 });
    // precision counts auto-dispatches whose outcome is known: T8 was sent back; T9 is signed but
    // not answered yet, so it may still come back and is not counted as right
    expect(o.autoPrecision).toEqual({ num: 0, den: 1, rate: 0 });
  });

  it('per unit: own tickets, and rolled up to parent units, paginated', async () => {
    const own = await get('supervisor', `/api/v1/reports/rates?${PERIOD}&groupBy=unit&rollup=false`);
    const row = (id: string) => own.body.items.find((i: { key: string }) => i.key === id);
    expect(own.body.total).toBe(2);
    expect(row(fx.units.zhujian)).toMatchObject({ tickets: 5, response: { num: 3, den: 4 }, resolution: { num: 2, den: 2 }, satisfaction: { num: 2, den: 3 } });
    expect(row(fx.units.chengguan)).toMatchObject({ tickets: 2, response: { num: 2, den: 2 }, resolution: { num: 0, den: 1 }, satisfaction: { num: 0, den: 0, rate: null } });
    // The bounce is charged to 住建局, which sent T8 back, not to 城管局, which now has it.
    expect(row(fx.units.zhujian).returnsMade).toBe(1);
    expect(row(fx.units.chengguan).returnsMade).toBe(0);
    const rolled = await get('supervisor', `/api/v1/reports/rates?${PERIOD}&groupBy=unit`);
    const county = rolled.body.items.find((i: { key: string }) => i.key === fx.units.countyGov);
    expect(county).toMatchObject({ tickets: 7, response: { num: 5, den: 6 }, satisfaction: { num: 2, den: 3 }, returnsMade: 1 });
    expect(rolled.body.total).toBe(4); // city, county, 住建局, 城管局
    const p2 = await get('supervisor', `/api/v1/reports/rates?${PERIOD}&groupBy=unit&pageSize=3&page=2`);
    expect(p2.body.items).toHaveLength(1);
    expect(p2.body.total).toBe(4);
  });

  it('per month (Beijing time) and per division; trend fills empty months', async () => {
    const m = await get('supervisor', `/api/v1/reports/rates?${PERIOD}&groupBy=month`);
    expect(m.body.items.map((i: { key: string; tickets: number }) => [i.key, i.tickets])).toEqual([['2026-03', 7]]);
    const d = await get('supervisor', `/api/v1/reports/rates?${PERIOD}&groupBy=division&divisionCode=${fx.divisions.county}`);
    expect(d.body.items.map((i: { key: string; tickets: number }) => [i.key, i.tickets])).toEqual([[fx.divisions.township1, 7]]);
    const trend = await get('supervisor', '/api/v1/reports/trend?months=3');
    expect(trend.body.items.map((i: { key: string }) => i.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(trend.body.items[2].satisfaction).toEqual({ num: 2, den: 3, rate: 2 / 3 });
    expect(trend.body.items[0].tickets).toBe(0);
  });

  it('ranking, hotspots by place and the division profile', async () => {
    const rk = await get('supervisor', `/api/v1/reports/ranking?${PERIOD}&by=response`);
    expect(rk.body.items.map((i: { key: string; rank: number }) => [i.key, i.rank])).toEqual([[fx.units.chengguan, 1], [fx.units.zhujian, 2]]);
    const hs = await get('supervisor', `/api/v1/reports/hotspots-by-place?${PERIOD}&level=5`);
    expect(hs.body.items).toEqual([
      { divisionCode: fx.divisions.village1, divisionName: '城北社区', categoryCode: '01', categoryName: '城乡建设', count: 6 },
      { divisionCode: fx.divisions.village1, divisionName: '城北社区', categoryCode: '02', categoryName: '城市管理', count: 1 },
    ]);
    expect([hs.body.total, hs.body.page, hs.body.pageSize]).toEqual([2, 1, 100]);
    // paged: the second cell alone on page 2 of size 1; past the end an empty page with the total
    const p2 = await get('supervisor', `/api/v1/reports/hotspots-by-place?${PERIOD}&level=5&limit=1&page=2`);
    expect([p2.body.items.map((i: { categoryCode: string }) => i.categoryCode), p2.body.total]).toEqual([['02'], 2]);
    const p9 = await get('supervisor', `/api/v1/reports/hotspots-by-place?${PERIOD}&level=5&limit=1&page=9`);
    expect([p9.body.items, p9.body.total]).toEqual([[], 2]);
    const prof = await get('supervisor', `/api/v1/divisions/${fx.divisions.township1}/profile?${PERIOD}`);
    expect(prof.status).toBe(200);
    expect(prof.body.name).toBe('双城镇');
    expect(prof.body.ancestors.map((a: { code: string }) => a.code)).toEqual(['35', '3509', '350926']);
    expect(prof.body.metrics.satisfaction).toEqual({ num: 2, den: 3, rate: 2 / 3 });
    // Counts and lists show every ticket placed there (T7 included, T6 had no place).
    expect(prof.body.byStatus.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(8);
    expect(prof.body.children).toEqual([
      { code: fx.divisions.village1, name: '城北社区', level: 5, total: 8 },
      { code: fx.divisions.village2, name: '城南社区', level: 5, total: 0 },
    ]);
    expect(prof.body.recent).toHaveLength(8);
    expect((await get('supervisor', '/api/v1/divisions/999999/profile')).status).toBe(422);
  });

  it('key sites: an admin records them, the profile shows them', async () => {
    const put = (who: string, code: string, payload: object) =>
      app.inject({ method: 'PUT', url: `/api/v1/admin/divisions/${code}/key-sites`, headers: { cookie: cookies[who]! }, payload });
    const sites = { items: [{ name: '城北河堤防汛点', kind: '防汛', note: '汛期每日巡查', lat: 27.23, lng: 119.9 }] };
    expect((await put('supervisor', fx.divisions.village1, sites)).statusCode).toBe(403);
    expect((await put('admin', '999999999', sites)).statusCode).toBe(422);
    expect((await put('admin', fx.divisions.village1, { items: [{ name: '' }] })).statusCode).toBe(400);
    expect((await put('admin', fx.divisions.village1, sites)).statusCode).toBe(200);
    const prof = await get('supervisor', `/api/v1/divisions/${fx.divisions.village1}/profile`);
    expect(prof.body.keySites).toEqual(sites.items);
    expect(prof.body.hasGeojson).toBe(false);
  });

  it('the formula settings change the rates and the published text', async () => {
    const put = (who: string, payload: object) => app.inject({ method: 'PUT', url: '/api/v1/admin/settings/rates', headers: { cookie: cookies[who]! }, payload });
    expect((await put('supervisor', { basicCountsAsSatisfied: false })).statusCode).toBe(403);
    expect((await put('admin', { ratingBasis: 'sometimes' })).statusCode).toBe(400);
    const res = await put('admin', { basicCountsAsSatisfied: false, resolutionScope: 'rated' });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).formulas.satisfaction.zh).not.toContain('基本满意');
    let o = (await get('supervisor', `/api/v1/reports/rates?${PERIOD}`)).body.overall;
    expect(o.satisfaction).toEqual({ num: 1, den: 3, rate: 1 / 3 });
    expect(o.resolution).toEqual({ num: 2, den: 2, rate: 1 });
    await put('admin', { basicCountsAsSatisfied: true, resolutionScope: 'closed', includeExcluded: true });
    o = (await get('supervisor', `/api/v1/reports/rates?${PERIOD}`)).body.overall;
    // T6 (out of scope, closed) and T7 (excluded, rated satisfied) now count.
    expect(o.tickets).toBe(9);
    expect(o.resolution).toEqual({ num: 3, den: 5, rate: 3 / 5 });
    expect(o.satisfaction).toEqual({ num: 3, den: 4, rate: 3 / 4 });
    expect(o.response).toEqual({ num: 6, den: 7, rate: 6 / 7 });
    const f = await get('dispatcher', '/api/v1/reports/formulas');
    expect(f.body.config.includeExcluded).toBe(true);
    expect(f.body.formulas.response.en).toContain('sign-for limit');
    await put('admin', { includeExcluded: false });
  });

  it('who may see: leaders their subtree only; handlers, grid workers and the public not at all; bad input is 4xx', async () => {
    const lead = await get('zhujian_leader', `/api/v1/reports/rates?${PERIOD}&groupBy=unit`);
    expect(lead.status).toBe(200);
    expect(lead.body.overall.tickets).toBe(5);
    expect(lead.body.items.map((i: { key: string }) => i.key)).toEqual([fx.units.zhujian]);
    expect((await get('zhujian_leader', `/api/v1/reports/rates?unitId=${fx.units.chengguan}`)).status).toBe(403);
    expect((await get('zhujian', '/api/v1/reports/rates')).status).toBe(403);
    expect((await get('grid', '/api/v1/reports/ranking')).status).toBe(403);
    expect((await get('nobody', '/api/v1/reports/trend')).status).toBe(401);
    expect((await get('supervisor', '/api/v1/reports/rates?groupBy=street')).status).toBe(400);
    expect((await get('supervisor', '/api/v1/reports/rates?from=2026-04-01T00:00:00Z&to=2026-03-01T00:00:00Z')).status).toBe(400);
    expect((await get('supervisor', '/api/v1/reports/trend?months=999')).status).toBe(400);
  });

  it('the timeline of an auto-dispatched ticket names the unit and the confidence; a merge names its master', async () => {
    const t9 = await get('dispatcher', `/api/v1/tickets/${ids.T9}`);
    expect(t9.status).toBe(200);
    const auto = (t9.body.events as { action: string; data: Record<string, unknown> }[]).find((e) => e.action === 'auto_dispatch')!;
    expect(auto.data).toMatchObject({ confidence: 0.93, leadUnitId: t9.body.leadUnitId, leadUnitName: t9.body.leadUnitName });
    expect(auto.data.leadUnitName).toBeTruthy();
  });

  it('imported history with no call-back result counts as a ticket, not as unresolved', async () => {
    const before = (await get('supervisor', `/api/v1/reports/rates?${PERIOD}`)).body.overall;
    const r = await importBatch(db.deps, [{ sourceId: 'old-system-1', content: '路灯不亮（旧系统导入）', receivedAt: new Date('2026-03-05T02:00:00Z'), reply: '已修复。', repliedAt: new Date('2026-03-06T02:00:00Z'), categoryCode: fx.categories.construction, divisionCode: fx.divisions.village1 }]);
    expect(r.inserted).toBe(1);
    const after = (await get('supervisor', `/api/v1/reports/rates?${PERIOD}`)).body.overall;
    expect(after.tickets).toBe(before.tickets + 1);
    expect(after.resolution).toEqual(before.resolution);
  });
});
