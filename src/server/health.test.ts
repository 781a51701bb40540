import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';

describe.each(DB_KINDS)('health on %s', (kind) => {
  let t: TestDb;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    t = await createTestDb(kind);
    app = await buildApp(t.deps, { logger: false, web: false });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });
  it('reports ok and the database kind', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: kind });
  });
  it('rejects invalid UTF-8 and malformed JSON with 400 and zh/en messages', async () => {
    const bad = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: bad, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_utf8');
    const res2 = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"a":', headers: { 'content-type': 'application/json' } });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.message.zh).toBeTruthy();
  });
  it('serves OpenAPI docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/api/health']).toBeDefined();
  });
});
