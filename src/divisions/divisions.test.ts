import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { loginCookie, seedTestFixture } from '../test/fixture.ts';
import { importDivisions } from './divisions.ts';
import { generateUnits } from '../orgs/generate-units.ts';

describe.each(DB_KINDS)('divisions on %s', (kind) => {
  let t: TestDb;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let admin: string;
  let agent: string;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await seedTestFixture(t.deps);
    app = await buildApp(t.deps, { logger: false, web: false });
    admin = await loginCookie(app, 'admin');
    agent = await loginCookie(app, 'agent');
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('imports 柘荣县 with all townships and villages, idempotently, keeping the fixture rows', async () => {
    const seen: number[] = [];
    const res = await importDivisions(t.deps, '350926', (p) => seen.push(p.done));
    expect(res.byLevel).toEqual({ 1: 1, 2: 1, 3: 1, 4: 9, 5: 119 });
    expect(seen.at(-1)).toBe(131);
    const again = await importDivisions(t.deps, '350926');
    expect(again.total).toBe(131);
    const n = await t.db.selectFrom('divisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(131);
    const v = await t.db.selectFrom('divisions').selectAll().where('code', '=', '350926200207').executeTakeFirstOrThrow();
    expect(v).toMatchObject({ name: '靴岭尾村', level: 5, parent_code: '350926200', path: '/35/3509/350926/350926200/350926200207/' });
    await expect(importDivisions(t.deps, '999999')).rejects.toMatchObject({ code: 'unknown_division' });
  });

  it('generates one unit per township and village under the existing county government', async () => {
    const res = await generateUnits(t.deps, '350926', { whitelist: ['06'] });
    expect(res.byKind).toEqual({ street: 7, community: 115 });
    const again = await generateUnits(t.deps, '350926');
    expect(again.created).toBe(0);
    const u = await t.db.selectFrom('units').selectAll().where('code', '=', 'comm-350926200207').executeTakeFirstOrThrow();
    expect(u).toMatchObject({ name: '靴岭尾村民委员会', kind: 'community', whitelist_only: true, division_code: '350926200207' });
    const parent = await t.db.selectFrom('units').selectAll().where('code', '=', 'street-350926200').executeTakeFirstOrThrow();
    expect(parent.name).toBe('城郊乡人民政府');
    expect(u.path).toBe(`${parent.path}${u.id}/`);
    const gov = await t.db.selectFrom('units').select('id').where('code', '=', 'gov-350926').executeTakeFirstOrThrow();
    expect(parent.parent_id).toBe(gov.id);
    const wl = await t.db.selectFrom('unit_whitelist').select('category_code').where('unit_id', '=', u.id).execute();
    expect(wl.map((r) => r.category_code)).toEqual(['06']);
  });

  it('serves children, detail with ancestors, and paginated name search to anyone', async () => {
    const kids = await app.inject({ method: 'GET', url: '/api/v1/divisions?parent=350926' });
    expect(kids.statusCode).toBe(200);
    expect(kids.json().items).toHaveLength(9);
    expect(kids.json().items[0]).toMatchObject({ code: '350926100', name: '双城镇', childCount: 7 });
    const roots = await app.inject({ method: 'GET', url: '/api/v1/divisions' });
    expect(roots.json().items.map((d: { code: string }) => d.code)).toEqual(['35']);
    const one = await app.inject({ method: 'GET', url: '/api/v1/divisions/350926101201' });
    expect(one.json()).toMatchObject({ name: '富溪村', parentCode: '350926101' });
    expect(one.json().ancestors.map((a: { name: string }) => a.name)).toEqual(['福建省', '宁德市', '柘荣县', '富溪镇']);
    const s = await app.inject({ method: 'GET', url: `/api/v1/divisions/search?q=${encodeURIComponent('社区')}&pageSize=2` });
    expect(s.statusCode).toBe(200);
    expect(s.json()).toMatchObject({ page: 1, pageSize: 2, total: 7 });
    expect(s.json().items).toHaveLength(2);
    expect((await app.inject({ method: 'GET', url: '/api/v1/divisions/123456' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/divisions/abc' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/divisions/search?q=' })).statusCode).toBe(400);
  });

  it('lets only an admin add grids under a community', async () => {
    const body = { name: '城北一网格', lat: 27.24, lng: 119.9 };
    expect((await app.inject({ method: 'POST', url: '/api/v1/admin/divisions/350926100001/grids', payload: body })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/admin/divisions/350926100001/grids', payload: body, headers: { cookie: agent } })).statusCode).toBe(403);
    const g1 = await app.inject({ method: 'POST', url: '/api/v1/admin/divisions/350926100001/grids', payload: body, headers: { cookie: admin } });
    expect(g1.statusCode).toBe(201);
    expect(g1.json()).toMatchObject({ code: '350926100001001', level: 6, parentCode: '350926100001', path: '/35/3509/350926/350926100/350926100001/350926100001001/' });
    const g2 = await app.inject({ method: 'POST', url: '/api/v1/admin/divisions/350926100001/grids', payload: { name: '城北二网格' }, headers: { cookie: admin } });
    expect(g2.json().code).toBe('350926100001002');
    const onTown = await app.inject({ method: 'POST', url: '/api/v1/admin/divisions/350926100/grids', payload: body, headers: { cookie: admin } });
    expect(onTown.statusCode).toBe(400);
  });

  it('stores and serves boundaries of a division and its children', async () => {
    const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 27], [x + 0.1, 27], [x + 0.1, 27.1], [x, 27.1], [x, 27]]] });
    expect((await app.inject({ method: 'PUT', url: '/api/v1/admin/divisions/350926100/geojson', payload: square(119.9), headers: { cookie: agent } })).statusCode).toBe(403);
    for (const [code, x] of [['350926', 119.8], ['350926100', 119.9], ['350926101', 120.0]] as const) {
      const res = await app.inject({ method: 'PUT', url: `/api/v1/admin/divisions/${code}/geojson`, payload: { type: 'Feature', geometry: square(x), properties: {} }, headers: { cookie: admin } });
      expect(res.statusCode).toBe(200);
    }
    const bad = await app.inject({ method: 'PUT', url: '/api/v1/admin/divisions/350926/geojson', payload: { type: 'Point' }, headers: { cookie: admin } });
    expect(bad.statusCode).toBe(400);
    const res = await app.inject({ method: 'GET', url: '/api/v1/divisions/350926/geojson' });
    expect(res.statusCode).toBe(200);
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['350926', '350926100', '350926101']);
    expect(fc.features[1].geometry.type).toBe('Polygon');
  });
});

describe.each(DB_KINDS)('division edits on %s', (kind) => {
  let t: TestDb;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await seedTestFixture(t.deps);
    app = await buildApp(t.deps, { logger: false, web: false });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('lets an admin set a centre point, in pairs only', async () => {
    const admin = await loginCookie(app, 'admin');
    const ok = await app.inject({ method: 'PATCH', url: '/api/v1/admin/divisions/350926', payload: { lat: 27.234, lng: 119.9 }, headers: { cookie: admin } });
    expect(ok.json()).toMatchObject({ code: '350926', lat: 27.234, lng: 119.9, name: '柘荣县' });
    const half = await app.inject({ method: 'PATCH', url: '/api/v1/admin/divisions/350926', payload: { lat: 27 }, headers: { cookie: admin } });
    expect(half.statusCode).toBe(400);
    const anon = await app.inject({ method: 'PATCH', url: '/api/v1/admin/divisions/350926', payload: { name: 'x' } });
    expect(anon.statusCode).toBe(401);
  });
});
