import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { FIXTURE_PASSWORD, seedTestFixture } from '../test/fixture.ts';
import { enqueue, getJob } from './jobs.repo.ts';

describe.each(DB_KINDS)('jobs admin API on %s', (kind) => {
  let t: TestDb;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const cookie: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestDb(kind);
    await seedTestFixture(t.deps);
    app = await buildApp(t.deps, { logger: false, web: false });
    for (const u of ['admin', 'dispatcher']) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u, password: FIXTURE_PASSWORD } });
      const c = res.cookies.find((x) => x.name === 'lx_session')!;
      cookie[u] = `${c.name}=${c.value}`;
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('lists jobs for admins only and retries a failed job', async () => {
    const id = (await enqueue(t.db, 'sla.sweep', {}, { uniqueKey: 'x' }))!;
    await t.db.updateTable('jobs').set({ status: 'failed', attempts: 3, last_error: 'boom' }).where('id', '=', id).execute();
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/jobs', headers: { cookie: cookie.dispatcher } })).statusCode).toBe(403);
    const list = await app.inject({ method: 'GET', url: '/api/v1/admin/jobs?status=failed', headers: { cookie: cookie.admin } });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, page: 1, items: [{ id, name: 'sla.sweep', status: 'failed', lastError: 'boom' }] });
    const retry = await app.inject({ method: 'POST', url: `/api/v1/admin/jobs/${id}/retry`, headers: { cookie: cookie.admin } });
    expect(retry.statusCode).toBe(200);
    expect(await getJob(t.db, id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await app.inject({ method: 'POST', url: `/api/v1/admin/jobs/${id}/retry`, headers: { cookie: cookie.admin } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/v1/admin/jobs/abc/retry', headers: { cookie: cookie.admin } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/jobs?status=weird', headers: { cookie: cookie.admin } })).statusCode).toBe(400);
  });
});
