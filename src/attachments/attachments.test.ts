import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { loginCookie, seedTestFixture, type Fixture } from '../test/fixture.ts';
import { login } from '../test/api.ts';
import { blobPath } from './store.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

function multipart(name: string, bytes: Buffer, mime = 'image/png') {
  const boundary = '----lxtest' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${mime}\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(DB_KINDS)('attachments on %s', (kind) => {
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

  it('stores by content, checks type by bytes, and only shows files to those who may see the ticket', async () => {
    const up = await app.inject({ method: 'POST', url: '/api/v1/attachments', ...multipart('photo.png', PNG) });
    expect(up.statusCode).toBe(201);
    const a = up.json();
    expect(a.mime).toBe('image/png');
    const again = (await app.inject({ method: 'POST', url: '/api/v1/attachments', ...multipart('same.png', PNG) })).json();
    const rows = await t.deps.db.selectFrom('attachments').select('sha256').where('id', 'in', [a.id, again.id]).execute();
    expect(rows[0].sha256).toBe(rows[1].sha256);
    expect(existsSync(blobPath(t.deps.dataDir, rows[0].sha256))).toBe(true);

    const fake = await app.inject({ method: 'POST', url: '/api/v1/attachments', ...multipart('evil.png', Buffer.from('<script>alert(1)</script>'), 'image/png') });
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.message.zh).toBeTruthy();
    const big = await app.inject({ method: 'POST', url: '/api/v1/attachments', ...multipart('big.png', Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)])) });
    expect(big.statusCode).toBe(413);
    // malformed multipart: no boundary, a body cut off before its end, the file under another name
    const noBoundary = await app.inject({ method: 'POST', url: '/api/v1/attachments', payload: 'abc', headers: { 'content-type': 'multipart/form-data' } });
    expect(noBoundary.statusCode).toBe(400);
    expect(noBoundary.json().error.message.en).toBeTruthy();
    const whole = multipart('cut.png', PNG);
    const cut = await app.inject({ method: 'POST', url: '/api/v1/attachments', headers: whole.headers, payload: whole.payload.subarray(0, whole.payload.length - 20) });
    expect(cut.statusCode).toBe(400);
    const wrongField = multipart('w.png', PNG);
    const renamed = Buffer.from(wrongField.payload.toString('latin1').replace('name="file"', 'name="notfile"'), 'latin1');
    expect((await app.inject({ method: 'POST', url: '/api/v1/attachments', headers: wrongField.headers, payload: renamed })).statusCode).toBe(400);

    const created = await app.inject({
      method: 'POST', url: '/api/v1/tickets',
      payload: { content: '路边井盖缺失，夜间很危险', contact: { phone: '13900001111' }, attachments: [a.id], divisionCode: fx.divisions.village1 },
    });
    expect(created.statusCode).toBe(201);
    const dispatcher = await login(app, 'dispatcher', fx.password);
    const detail = await dispatcher.get(`/api/v1/tickets/${created.json().id}`);
    expect(detail.body.attachments.map((x: { id: string }) => x.id)).toContain(a.id);
    const res = await app.inject({ method: 'GET', url: `/api/v1/attachments/${a.id}`, headers: { cookie: (await loginCookie(app, 'dispatcher')) } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PNG)).toBe(true);
    const denied = await app.inject({ method: 'GET', url: `/api/v1/attachments/${a.id}`, headers: { cookie: (await loginCookie(app, 'zhujian')) } });
    expect(denied.statusCode).toBe(404);
  });

  it('a file goes only where its uploader puts it: an id seen on one ticket carries nothing onto another', async () => {
    const asUser = async (u: string) => ({ cookie: await loginCookie(app, u) });
    const ticket = (a: string, headers: Record<string, string> = {}) => app.inject({
      method: 'POST', url: '/api/v1/tickets', headers,
      payload: { content: '路边井盖缺失，夜间很危险', contact: { phone: '13900002222' }, attachments: [a], divisionCode: fx.divisions.village1 },
    });
    // a form upload (no account) is claimed by the first ticket that cites it …
    const form = (await app.inject({ method: 'POST', url: '/api/v1/attachments', ...multipart('form.png', PNG) })).json();
    expect((await ticket(form.id)).statusCode).toBe(201);
    // … and cited again by anyone else it is refused, as an unknown file would be
    const again = await ticket(form.id);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.detail).toBe('unknown attachment');
    // a staff member's upload is theirs: another user cannot cite it, they can (on several tickets)
    const up = multipart('staff.png', PNG);
    const staff = (await app.inject({ method: 'POST', url: '/api/v1/attachments', payload: up.payload, headers: { ...up.headers, ...(await asUser('agent')) } })).json();
    expect((await ticket(staff.id)).statusCode).toBe(400);
    expect((await ticket(staff.id, await asUser('dispatcher'))).statusCode).toBe(400);
    expect((await ticket(staff.id, await asUser('agent'))).statusCode).toBe(201);
    const second = await ticket(staff.id, await asUser('agent'));
    expect(second.statusCode).toBe(201);
    // in a transition too: a note citing another's file is refused, the ticket unchanged
    const note = await app.inject({
      method: 'POST', url: `/api/v1/tickets/${second.json().id}/transitions`, headers: await asUser('dispatcher'),
      payload: { action: 'note', note: '补充材料', attachments: [staff.id] },
    });
    expect(note.statusCode).toBe(400);
    expect(note.json().error.detail).toBe('unknown attachment');
  });
});
