import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from './harness.ts';
import { seedTestFixture, type Fixture } from './fixture.ts';

describe.each(DB_KINDS)('test fixture on %s', (kind) => {
  let t: TestDb;
  let f: Fixture;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    t = await createTestDb(kind);
    f = await seedTestFixture(t.deps);
    app = await buildApp(t.deps, { logger: false, web: false });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('builds the division chain with paths', async () => {
    const v = await t.db.selectFrom('divisions').selectAll().where('code', '=', f.divisions.village3).executeTakeFirstOrThrow();
    expect(v).toMatchObject({ name: '富溪村', level: 5, parent_code: '350926101', path: '/35/3509/350926/350926101/350926101201/' });
  });

  it('nests units under their governments with whitelists on villages', async () => {
    const village = await t.db.selectFrom('units').selectAll().where('id', '=', f.units.village1).executeTakeFirstOrThrow();
    expect(village.path).toBe(`/${f.units.cityGov}/${f.units.countyGov}/${f.units.township1}/${f.units.village1}/`);
    expect(village.whitelist_only).toBe(true);
    const wl = await t.db.selectFrom('unit_whitelist').select('category_code').where('unit_id', '=', f.units.village1).execute();
    expect(wl.map((r) => r.category_code)).toEqual([f.categories.community]);
    const fallbacks = await t.db.selectFrom('units').select('division_code').where('is_fallback', '=', true).orderBy('division_code').execute();
    expect(fallbacks.map((r) => r.division_code)).toEqual(['3509', '350926']);
  });

  it('lets every fixture user sign in with the known password', async () => {
    for (const username of ['zhujian', 'grid', 'admin']) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: f.password } });
      expect(res.statusCode).toBe(200);
      expect(res.json().id).toBe(f.users[username as keyof Fixture['users']]);
    }
    const me = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'zhujian', password: f.password } });
    expect(me.json().unitName).toBe('柘荣县住房和城乡建设局');
  });

  it('has policies and out-of-scope rules', async () => {
    const sign = await t.db.selectFrom('time_limit_policies').selectAll().where('stage', '=', 'sign').where('urgency', 'is', null).executeTakeFirstOrThrow();
    expect(Number(sign.amount)).toBe(1);
    expect(sign.unit).toBe('working_days');
    const rules = await t.db.selectFrom('scope_rules').select('code').execute();
    expect(rules.map((r) => r.code)).toEqual(expect.arrayContaining(['litigation', 'xinfang', 'secret', 'police110']));
  });
});
