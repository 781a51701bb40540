import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.ts';
import { createTestDb, type TestDb } from '../test/harness.ts';

/** Sends raw bytes and reads the whole answer (the server closes the connection). */
function raw(port: number, request: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const s = net.connect(port, '127.0.0.1', () => s.write(request));
    s.on('data', (c) => chunks.push(c));
    s.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    s.on('error', reject);
  });
}

describe('requests the HTTP parser refuses', () => {
  let t: TestDb;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let port: number;
  beforeAll(async () => {
    t = await createTestDb('pglite');
    app = await buildApp(t.deps, { logger: false, web: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('a raw Chinese query string gets a 400 in the one error format, with zh and en', async () => {
    const res = await raw(port, Buffer.from('GET /api/v1/tickets?q=路灯 HTTP/1.1\r\nHost: x\r\n\r\n', 'utf8'));
    expect(res).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(res.slice(res.indexOf('\r\n\r\n') + 4));
    expect(body.error).toMatchObject({ code: 'validation', message: { zh: expect.any(String), en: expect.any(String) } });
    expect(body.error.detail).toContain('percent-encoded');
    // the same query percent-encoded is an ordinary request (here: not signed in)
    const ok = await raw(port, Buffer.from(`GET /api/v1/tickets?q=${encodeURIComponent('路灯')} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    expect(ok).toMatch(/^HTTP\/1\.1 401 /);
  });

  it('garbage instead of HTTP gets a 400 too', async () => {
    const res = await raw(port, Buffer.from('HELLO\r\n\r\n'));
    expect(res).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(res.slice(res.indexOf('\r\n\r\n') + 4)).error.code).toBe('validation');
  });
});
