import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { seedTestFixture, type Fixture } from '../test/fixture.ts';
import { LOCK_AFTER_FAILURES, LOCK_MINUTES } from './sessions.ts';

describe.each(DB_KINDS)('sign-in on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  let fx: Fixture;
  beforeAll(async () => {
    t = await createTestDb(kind);
    fx = await seedTestFixture(t.deps);
    app = await buildApp(t.deps, { logger: false, web: false });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });
  const loginAs = (username: string, password: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('sets an HttpOnly session cookie, /me answers, logout ends the session', async () => {
    const res = await loginAs('dispatcher', fx.password);
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((k) => k.name === 'lx_session')!;
    expect(c.httpOnly).toBe(true);
    expect(res.json()).toMatchObject({ username: 'dispatcher', role: 'dispatcher' });
    const cookie = `lx_session=${c.value}`;
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).json().user).toMatchObject({ username: 'dispatcher' });
    await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    // the web app's question "who is signed in?" is answered, not refused, when nobody is
    const none = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect([none.statusCode, none.json()]).toEqual([200, { user: null }]);
    const stored = await t.deps.db.selectFrom('sessions').select('id').execute();
    expect(stored.some((s) => s.id === c.value)).toBe(false); // only the hash is stored
  });

  it('locks the account after repeated failures, and unlocks after the lock time', async () => {
    for (let i = 0; i < LOCK_AFTER_FAILURES - 1; i++) expect((await loginAs('chengguan', 'wrong')).statusCode).toBe(401);
    const locked = await loginAs('chengguan', 'wrong');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message.zh).toContain('锁定');
    // Even the right password is refused while locked, from that address …
    expect((await loginAs('chengguan', fx.password)).statusCode).toBe(423);
    // … but five guesses from elsewhere do not lock a colleague out at their own desk
    const elsewhere = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'chengguan', password: fx.password }, remoteAddress: '10.1.2.3' });
    expect(elsewhere.statusCode).toBe(200);
    t.clock.advanceHours(LOCK_MINUTES / 60 + 0.01);
    expect((await loginAs('chengguan', fx.password)).statusCode).toBe(200);
  });

  it('an admin sees the sign-in lock on the account and lifts it by resetting the password', async () => {
    const admin = (await loginAs('admin', fx.password)).cookies.find((k) => k.name === 'lx_session')!;
    const cookie = `${admin.name}=${admin.value}`;
    const row = async () => (await app.inject({ method: 'GET', url: '/api/v1/admin/users?q=xiangzhen', headers: { cookie } })).json().items
      .find((u: { username: string }) => u.username === 'xiangzhen');
    expect((await row()).locked).toBe(false);
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await loginAs('xiangzhen', 'wrong');
    expect((await loginAs('xiangzhen', fx.password)).statusCode).toBe(423);
    const locked = await row();
    expect(locked.locked).toBe(true);
    const reset = await app.inject({ method: 'POST', url: `/api/v1/admin/users/${locked.id}/password`, headers: { cookie }, payload: { password: fx.password } });
    expect(reset.statusCode).toBe(200);
    expect((await row()).locked).toBe(false);
    expect((await loginAs('xiangzhen', fx.password)).statusCode).toBe(200);
  });

  it('unknown users get the same answers as a wrong password, the lock included', async () => {
    const res = await loginAs('nobody', 'x');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('bad_credentials');
    for (let i = 1; i < LOCK_AFTER_FAILURES - 1; i++) expect((await loginAs('nobody', 'x')).statusCode).toBe(401);
    expect((await loginAs('nobody', 'x')).statusCode).toBe(423); // as a real account would be: the lock tells nothing
  });
});
