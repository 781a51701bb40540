import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { loginCookie, seedTestFixture, type Fixture } from '../test/fixture.ts';

describe.each(DB_KINDS)('users, scope rules and knowledge base on %s', (kind) => {
  let t: TestDb;
  let f: Fixture;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let admin: string;
  let agent: string;
  const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) =>
    app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });
  beforeAll(async () => {
    t = await createTestDb(kind);
    f = await seedTestFixture(t.deps);
    app = await buildApp(t.deps, { logger: false, web: false });
    [admin, agent] = await Promise.all([loginCookie(app, 'admin'), loginCookie(app, 'agent')]);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('creates a user who can sign in, resets the password and deactivates', async () => {
    const body = { username: 'fuxi_handler', password: 'Fuxi-pass-9', displayName: '富溪镇承办人', role: 'handler', unitId: f.units.township2 };
    expect((await req('POST', '/api/v1/admin/users', agent, body)).statusCode).toBe(403);
    const made = await req('POST', '/api/v1/admin/users', admin, body);
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ username: 'fuxi_handler', unitName: '富溪镇人民政府', active: true, locked: false });
    expect((await req('POST', '/api/v1/admin/users', admin, body)).statusCode).toBe(409);
    expect((await req('POST', '/api/v1/admin/users', admin, { ...body, username: 'nounit', unitId: undefined })).statusCode).toBe(400);
    expect((await req('POST', '/api/v1/admin/users', admin, { ...body, username: 'short', password: 'x' })).statusCode).toBe(400);
    expect((await req('POST', '/api/v1/admin/users', admin, { ...body, username: 'g2', role: 'grid', unitId: null })).statusCode).toBe(400);
    const cookie = await loginCookie(app, 'fuxi_handler', 'Fuxi-pass-9');
    const me = await req('GET', '/api/v1/auth/me', cookie);
    expect(me.json()).toMatchObject({ role: 'handler', unitId: f.units.township2 });

    const id = made.json().id;
    expect((await req('POST', `/api/v1/admin/users/${id}/password`, admin, { password: 'New-pass-42' })).statusCode).toBe(200);
    expect((await req('GET', '/api/v1/auth/me', cookie)).statusCode).toBe(401);
    await loginCookie(app, 'fuxi_handler', 'New-pass-42');
    const moved = await req('PATCH', `/api/v1/admin/users/${id}`, admin, { role: 'leader', unitId: f.units.zhujian });
    expect(moved.json()).toMatchObject({ role: 'leader', unitName: '柘荣县住房和城乡建设局' });
    const off = await req('PATCH', `/api/v1/admin/users/${id}`, admin, { active: false });
    expect(off.json().active).toBe(false);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'fuxi_handler', password: 'New-pass-42' } });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    const list = await req('GET', '/api/v1/admin/users?role=handler', admin);
    expect(list.json().items.map((u: { username: string }) => u.username).sort()).toEqual(['chengguan', 'renshe', 'xiangzhen', 'zhujian']);
    const all = await req('GET', '/api/v1/admin/users?includeInactive=true&q=fuxi', admin);
    expect(all.json().total).toBe(1);
    expect((await req('PATCH', `/api/v1/admin/users/${f.users.admin}`, admin, { active: false })).statusCode).toBe(403);
    expect((await req('PATCH', `/api/v1/admin/users/${f.users.admin}`, admin, { role: 'agent' })).statusCode).toBe(403);
    expect((await req('PATCH', `/api/v1/admin/users/${f.users.admin}`, admin, { displayName: '管理员' })).statusCode).toBe(200);
  });

  it('lists out-of-scope rules to staff and lets admins edit them', async () => {
    expect((await req('GET', '/api/v1/scope-rules')).statusCode).toBe(401);
    const rules = await req('GET', '/api/v1/scope-rules', agent);
    expect(rules.json().items.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['litigation', 'police110', 'secret', 'xinfang']));
    const put = await req('PUT', '/api/v1/admin/scope-rules/commercial', admin, { title: '纯商业纠纷', basis: '平等民事主体之间的合同纠纷，告知通过协商、调解或诉讼解决。' });
    expect(put.json()).toMatchObject({ code: 'commercial', title: '纯商业纠纷', titleEn: null });
  });

  it('searches the knowledge base for agents; admins write it', async () => {
    const a = await req('POST', '/api/v1/admin/kb', admin, { title: '住房公积金提取条件', body: '购房、租房、退休等情形可以提取住房公积金。', categoryCode: '04', keywords: '公积金 提取' });
    expect(a.statusCode).toBe(201);
    await req('POST', '/api/v1/admin/kb', admin, { title: '夜间施工许可查询', body: '夜间施工须取得许可，可向住建部门核实；噪声扰民可投诉。', categoryCode: '050101', keywords: '夜间施工 噪声' });
    await req('POST', '/api/v1/admin/kb', admin, { title: '犬只登记', body: '养犬须登记，办理地点为派出所。', keywords: '养犬' });
    expect((await req('POST', '/api/v1/admin/kb', agent, { title: 'x', body: 'y' })).statusCode).toBe(403);
    expect((await req('POST', '/api/v1/admin/kb', admin, { title: 'x', body: 'y', categoryCode: 'zz' })).statusCode).toBe(422);
    const hit = await req('GET', `/api/v1/kb?q=${encodeURIComponent('公积金')}`, agent);
    expect(hit.json()).toMatchObject({ total: 1, items: [{ title: '住房公积金提取条件', categoryName: '劳动和社会保障' }] });
    const two = await req('GET', `/api/v1/kb?q=${encodeURIComponent('施工 噪声')}`, agent);
    expect(two.json().items.map((k: { title: string }) => k.title)).toEqual(['夜间施工许可查询']);
    const byCat = await req('GET', '/api/v1/kb?categoryCode=05', agent);
    expect(byCat.json().total).toBe(1);
    const off = await req('PATCH', `/api/v1/admin/kb/${a.json().id}`, admin, { active: false });
    expect(off.json().active).toBe(false);
    expect((await req('GET', `/api/v1/kb?q=${encodeURIComponent('公积金')}`, agent)).json().total).toBe(0);
    expect((await req('DELETE', `/api/v1/admin/kb/${a.json().id}`, admin)).statusCode).toBe(200);
    expect((await req('GET', `/api/v1/kb/${a.json().id}`, agent)).statusCode).toBe(404);
    expect((await req('GET', '/api/v1/kb')).statusCode).toBe(401);
  });
});
