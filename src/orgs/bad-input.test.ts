import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { loginCookie, seedTestFixture, type Fixture } from '../test/fixture.ts';

type M = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

describe.each(DB_KINDS)('bad input to places and organisation APIs on %s', (kind) => {
  let t: TestDb;
  let f: Fixture;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let admin: string;
  beforeAll(async () => {
    t = await createTestDb(kind);
    f = await seedTestFixture(t.deps);
    app = await buildApp(t.deps, { logger: false, web: false });
    admin = await loginCookie(app, 'admin');
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('answers 4xx with a zh/en message, never 5xx', async () => {
    const big = 'x'.repeat(200_000);
    const zero = '00000000-0000-4000-8000-000000000000';
    const cases: [M, string, unknown?][] = [
      ['GET', '/api/v1/divisions?parent=x'],
      ['GET', `/api/v1/divisions/search?q=${encodeURIComponent('%_\\')}&page=0`],
      ['GET', `/api/v1/divisions/search?q=${'a'.repeat(60)}`],
      ['GET', '/api/v1/divisions/search?q=a&pageSize=100000'],
      ['GET', '/api/v1/divisions/99999999999999999999'],
      ['PUT', '/api/v1/admin/divisions/350926/geojson', { type: 'Polygon', coordinates: big }],
      ['PUT', '/api/v1/admin/divisions/350926/geojson', []],
      ['POST', '/api/v1/admin/divisions/999999999999/grids', { name: '网格' }],
      ['POST', '/api/v1/admin/divisions/350926100001/grids', { name: '' }],
      ['POST', '/api/v1/admin/divisions/350926100001/grids', { name: '网格', lat: 'north' }],
      ['GET', '/api/v1/units?parentId=nope'],
      ['GET', `/api/v1/units/${zero}`],
      ['GET', '/api/v1/units/not-a-uuid'],
      ['POST', '/api/v1/admin/units', { code: 'a b', name: 'x', kind: 'department' }],
      ['POST', '/api/v1/admin/units', { code: 'ok-code', name: 'x', kind: 'castle' }],
      ['POST', '/api/v1/admin/units', { code: 'ok-code', name: 'x', kind: 'department', parentId: zero }],
      ['POST', '/api/v1/admin/units', { code: 'ok-code2', name: big, kind: 'department' }],
      ['PATCH', `/api/v1/admin/units/${zero}`, { name: 'x' }],
      ['PATCH', `/api/v1/admin/units/${f.units.zhujian}`, { divisionCode: '110101' }],
      ['PUT', `/api/v1/admin/units/${f.units.village1}/whitelist`, { categoryCodes: 'all' }],
      ['POST', '/api/v1/admin/categories', { name: 'x', parentCode: 'nope' }],
      ['POST', '/api/v1/admin/categories', { name: 'x', code: '01' }],
      ['PATCH', '/api/v1/admin/categories/nope', { name: 'x' }],
      ['GET', '/api/v1/categories?flat=maybe'],
      ['POST', '/api/v1/admin/routing-rules', { leadUnitId: zero }],
      ['POST', '/api/v1/admin/routing-rules', { leadUnitId: f.units.zhujian, divisionCode: '110101' }],
      ['POST', '/api/v1/admin/routing-rules', { leadUnitId: f.units.zhujian, coUnitIds: [zero] }],
      ['POST', '/api/v1/admin/routing-rules', { leadUnitId: f.units.zhujian, priority: 1e12 }],
      ['PATCH', `/api/v1/admin/routing-rules/${zero}`, { priority: 1 }],
      ['POST', '/api/v1/routing/test', { divisionCode: '110101' }],
      ['POST', '/api/v1/routing/test', { categoryCode: 42 }],
      ['POST', '/api/v1/admin/users', { username: 'x y', password: 'short', displayName: '', role: 'king' }],
      ['POST', '/api/v1/admin/users', { username: 'newbie', password: 'Long-enough-1', displayName: '新人', role: 'handler', unitId: zero }],
      ['POST', '/api/v1/admin/users', { username: 'newbie2', password: 'Long-enough-1', displayName: '新人', role: 'grid', divisionCode: '110101' }],
      ['PATCH', `/api/v1/admin/users/${zero}`, { active: false }],
      ['PATCH', `/api/v1/admin/users/${f.users.zhujian}`, { unitId: null }],
      ['POST', `/api/v1/admin/users/${f.users.zhujian}/password`, { password: 'x' }],
      ['GET', '/api/v1/admin/users?role=king'],
      ['PUT', '/api/v1/admin/scope-rules/BAD CODE', { title: 'x', basis: 'y' }],
      ['PUT', '/api/v1/admin/scope-rules/ok_code', { title: '', basis: 'y' }],
      ['GET', `/api/v1/kb/${zero}`],
      ['POST', '/api/v1/admin/kb', { title: 'x', body: big }],
      ['PATCH', `/api/v1/admin/kb/${zero}`, { title: 'x' }],
      ['DELETE', `/api/v1/admin/kb/${zero}`],
    ];
    for (const [method, url, payload] of cases) {
      const res = await app.inject({ method, url, payload: payload as object, headers: { cookie: admin } });
      expect(res.statusCode, `${method} ${url} → ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
      expect(res.json().error.message.zh, `${method} ${url}`).toBeTruthy();
    }
    // LIKE wildcards in a search are literal text, not patterns.
    const kb = await app.inject({ method: 'GET', url: `/api/v1/kb?q=${encodeURIComponent('%% __')}`, headers: { cookie: admin } });
    expect(kb.json()).toMatchObject({ total: 0 });
    const div = await app.inject({ method: 'GET', url: `/api/v1/divisions/search?q=${encodeURIComponent('%')}` });
    expect(div.json()).toMatchObject({ total: 0 });
    // the admin API asks an anonymous caller to sign in before it judges the parameters
    for (const url of ['/api/v1/admin/users?page=abc', '/api/v1/admin/users']) {
      const anon = await app.inject({ method: 'GET', url });
      expect(anon.statusCode, url).toBe(401);
      expect(anon.json().error.code).toBe('unauthenticated');
    }
  });
});
