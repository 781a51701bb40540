import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { loginCookie, seedTestFixture, type Fixture } from '../test/fixture.ts';

describe.each(DB_KINDS)('units, categories and routing rules admin on %s', (kind) => {
  let t: TestDb;
  let f: Fixture;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let admin: string;
  let agent: string;
  let handler: string;
  const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) =>
    app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });
  beforeAll(async () => {
    t = await createTestDb(kind);
    f = await seedTestFixture(t.deps);
    app = await buildApp(t.deps, { logger: false, web: false });
    [admin, agent, handler] = await Promise.all([loginCookie(app, 'admin'), loginCookie(app, 'agent'), loginCookie(app, 'zhujian')]);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('lists units as a lazily loaded tree for staff only', async () => {
    expect((await req('GET', '/api/v1/units')).statusCode).toBe(401);
    const roots = await req('GET', '/api/v1/units?parentId=root', agent);
    expect(roots.statusCode).toBe(200);
    expect(roots.json()).toMatchObject({ total: 1, page: 1, items: [{ id: f.units.cityGov, isFallback: true, childCount: 1 }] });
    const county = await req('GET', `/api/v1/units?parentId=${f.units.countyGov}&pageSize=2`, agent);
    expect(county.json().total).toBe(5);
    expect(county.json().items).toHaveLength(2);
    const q = await req('GET', `/api/v1/units?q=${encodeURIComponent('城管')}`, handler);
    expect(q.json().items.map((u: { id: string }) => u.id)).toEqual([f.units.chengguan]);
    // a township's sub-units only (where it may pass a ticket down), not itself nor its neighbours
    const below = (await req('GET', `/api/v1/units?under=${f.units.township2}`, handler)).json().items.map((u: { id: string }) => u.id);
    expect(below.sort()).toEqual([f.units.village3, f.units.village4].sort());
    const one = await req('GET', `/api/v1/units/${f.units.village3}`, agent);
    expect(one.json().ancestors.map((a: { name: string }) => a.name)).toEqual(['宁德市人民政府', '柘荣县人民政府', '富溪镇人民政府']);
    expect(one.json().whitelist).toEqual([{ code: '06', name: '社区事务' }]);
  });

  it('creates, moves and deactivates units (admin only), keeping subtree paths right', async () => {
    const body = { code: 'sjj-350926', name: '柘荣县市场监督管理局', kind: 'department', parentId: f.units.cityGov, divisionCode: '350926' };
    expect((await req('POST', '/api/v1/admin/units', agent, body)).statusCode).toBe(403);
    const created = await req('POST', '/api/v1/admin/units', admin, body);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json().path).toBe(`/${f.units.cityGov}/${id}/`);
    expect((await req('POST', '/api/v1/admin/units', admin, body)).statusCode).toBe(409);
    expect((await req('POST', '/api/v1/admin/units', admin, { ...body, code: 'x-1', divisionCode: '110101' })).statusCode).toBe(422);
    const sub = (await req('POST', '/api/v1/admin/units', admin, { code: 'sjj-350926-fx', name: '富溪市场监管所', kind: 'department', parentId: id })).json();
    const moved = await req('PATCH', `/api/v1/admin/units/${id}`, admin, { parentId: f.units.countyGov });
    expect(moved.json().path).toBe(`/${f.units.cityGov}/${f.units.countyGov}/${id}/`);
    expect((await req('GET', `/api/v1/units/${sub.id}`, admin)).json().path).toBe(`/${f.units.cityGov}/${f.units.countyGov}/${id}/${sub.id}/`);
    expect((await req('PATCH', `/api/v1/admin/units/${id}`, admin, { parentId: sub.id })).statusCode).toBe(400);
    const off = await req('PATCH', `/api/v1/admin/units/${sub.id}`, admin, { active: false });
    expect(off.json().active).toBe(false);
  });

  it('sets a village whitelist and the routing tester reports it', async () => {
    const wl = await req('PUT', `/api/v1/admin/units/${f.units.village1}/whitelist`, admin, { categoryCodes: ['06', '0501'] });
    expect(wl.json().items.map((c: { code: string }) => c.code)).toEqual(['0501', '06']);
    expect((await req('PUT', `/api/v1/admin/units/${f.units.village1}/whitelist`, admin, { categoryCodes: ['zz'] })).statusCode).toBe(422);
  });

  it('serves the category tree publicly and lets admins extend it', async () => {
    const tree = await req('GET', '/api/v1/categories');
    expect(tree.statusCode).toBe(200);
    const top = tree.json().items;
    expect(top.map((c: { name: string }) => c.name)).toContain('城乡建设');
    expect(top[0].children[0].children[0]).toMatchObject({ code: '010101', name: '物业服务', level: 3 });
    const made = await req('POST', '/api/v1/admin/categories', admin, { name: '电梯安全', parentCode: '0101', keywords: '电梯 困人' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ code: '010103', level: 3, parentCode: '0101' });
    expect((await req('POST', '/api/v1/admin/categories', admin, { name: '太深', parentCode: '010103' })).statusCode).toBe(400);
    expect((await req('POST', '/api/v1/admin/categories', handler, { name: 'x' })).statusCode).toBe(403);
    const off = await req('PATCH', '/api/v1/admin/categories/010103', admin, { active: false });
    expect(off.json().active).toBe(false);
    const flat = (await req('GET', '/api/v1/categories?flat=1')).json().items;
    expect(flat.some((c: { code: string }) => c.code === '010103')).toBe(false);
    // reference lists are paginated too (one page of up to 1,000 by default)
    const page2 = (await req('GET', '/api/v1/categories?flat=1&page=2&pageSize=3')).json();
    expect(page2).toMatchObject({ total: flat.length, page: 2, pageSize: 3 });
    expect(page2.items.map((c: { code: string }) => c.code)).toEqual(flat.slice(3, 6).map((c: { code: string }) => c.code));
    expect((await req('GET', '/api/v1/categories?pageSize=1001')).statusCode).toBe(400);
    const kids = (await req('GET', `/api/v1/divisions?parent=${f.divisions.county}&pageSize=1`)).json();
    expect(kids.items).toHaveLength(1);
    expect(kids.total).toBeGreaterThan(1);
  });

  it('manages routing rules and the tester follows them', async () => {
    const before = await req('POST', '/api/v1/routing/test', agent, { categoryCode: '050101', divisionCode: f.divisions.village1 });
    expect(before.json()).toMatchObject({ leadUnitId: f.units.countyGov, fallback: true, whitelistOk: true });
    const created = await req('POST', '/api/v1/admin/routing-rules', admin, {
      categoryCode: '05', divisionCode: f.divisions.township1, leadUnitId: f.units.village1, coUnitIds: [f.units.township1, f.units.village1], note: '噪声 → 社区',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ categoryName: '环境保护', divisionName: '双城镇', leadUnitName: '城北社区居民委员会', coUnitIds: [f.units.township1], coUnitNames: ['双城镇人民政府'] });
    const after = await req('POST', '/api/v1/routing/test', agent, { categoryCode: '050101', divisionCode: f.divisions.village1 });
    expect(after.json()).toMatchObject({ leadUnitId: f.units.village1, ruleId: created.json().id, whitelistOk: true });
    const notListed = await req('POST', '/api/v1/routing/test', agent, { categoryCode: '050101', divisionCode: f.divisions.village2 });
    expect(notListed.json().leadUnitId).toBe(f.units.village1);
    const list = await req('GET', `/api/v1/admin/routing-rules?unitId=${f.units.village1}`, admin);
    expect(list.json().total).toBe(1);
    const patched = await req('PATCH', `/api/v1/admin/routing-rules/${created.json().id}`, admin, { leadUnitId: f.units.village2 });
    expect(patched.json().leadUnitId).toBe(f.units.village2);
    const wl = await req('POST', '/api/v1/routing/test', agent, { categoryCode: '050101', divisionCode: f.divisions.village1 });
    expect(wl.json()).toMatchObject({ leadUnitId: f.units.village2, whitelistOk: false });
    expect((await req('DELETE', `/api/v1/admin/routing-rules/${created.json().id}`, admin)).statusCode).toBe(200);
    expect((await req('DELETE', `/api/v1/admin/routing-rules/${created.json().id}`, admin)).statusCode).toBe(404);
    expect((await req('POST', '/api/v1/admin/routing-rules', admin, { categoryCode: 'nope', leadUnitId: f.units.zhujian })).statusCode).toBe(422);
    expect((await req('POST', '/api/v1/admin/routing-rules', admin, { leadUnitId: 'not-a-uuid' })).statusCode).toBe(400);
    expect((await req('POST', '/api/v1/routing/test', agent, { categoryCode: '99' })).statusCode).toBe(422);
    expect((await req('GET', '/api/v1/admin/routing-rules', agent)).statusCode).toBe(403);
  });
});
