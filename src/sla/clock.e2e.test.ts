// The clock end to end through the ticket API: a ticket dispatched the day before National Day
// 2025 gets deadlines that skip the holiday, then the sweep reminds, marks it overdue, and the
// ticket shows it (light, overdue flag, chained events).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { FIXTURE_PASSWORD, seedTestFixture, type Fixture } from '../test/fixture.ts';
import { login, type Api } from '../test/api.ts';
import { runSlaSweep } from './sweep.ts';

describe.each(DB_KINDS)('the clock through the ticket API on %s', (kind) => {
  let t: TestDb;
  let fx: Fixture;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let agent: Api;
  let handler: Api;
  let ticketId: string;
  beforeAll(async () => {
    t = await createTestDb(kind);
    fx = await seedTestFixture(t.deps);
    app = await buildApp(t.deps, { logger: false, web: false });
    agent = await login(app, 'agent', FIXTURE_PASSWORD);
    handler = await login(app, 'zhujian', FIXTURE_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('deadlines skip National Day 2025; the sweep reminds, then marks the ticket overdue', async () => {
    t.clock.set('2025-09-30T10:00:00+08:00');
    const created = await agent.post('/api/v1/tickets', {
      content: '小区电梯停运三天，老人上下楼困难，请尽快维修。', type: 'complaint', urgency: 'general',
      contact: { phone: '13800001234' }, divisionCode: fx.divisions.township1, leadUnitId: fx.units.zhujian,
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('dispatched');
    const id = created.body.id;
    // Sign-for 1 working day and reply 15 working days, both from dispatch; return window 2.
    expect(created.body.deadlines.sign).toBe(new Date('2025-10-09T10:00:00+08:00').toISOString());
    expect(created.body.deadlines.returnWindow).toBe(new Date('2025-10-10T10:00:00+08:00').toISOString());
    expect(created.body.deadlines.reply).toBe(new Date('2025-10-28T10:00:00+08:00').toISOString());

    // 216 h window; 25 % left from Oct 7 04:00.
    t.clock.set('2025-10-07T03:59:00+08:00');
    expect((await runSlaSweep(t.deps)).remind_sign).toBe(0);
    expect((await handler.get(`/api/v1/tickets/${id}`)).body.light).toBe('green');
    t.clock.set('2025-10-07T04:00:00+08:00');
    expect((await runSlaSweep(t.deps)).remind_sign).toBe(1);
    expect((await handler.get(`/api/v1/tickets/${id}`)).body.light).toBe('yellow');

    t.clock.set('2025-10-09T10:00:01+08:00');
    expect((await runSlaSweep(t.deps)).overdue_sign).toBe(1);
    const detail = (await handler.get(`/api/v1/tickets/${id}`)).body;
    expect(detail.overdue).toBe(true);
    expect(detail.light).toBe('red');
    const actions = detail.events.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'remind' || a === 'overdue')).toEqual(['remind', 'overdue']);
    const notes = await t.db.selectFrom('notifications').select(['unit_id', 'kind']).where('ticket_id', '=', id).orderBy('id').execute();
    expect(notes).toEqual([{ unit_id: fx.units.zhujian, kind: 'remind_sign' }, { unit_id: fx.units.zhujian, kind: 'overdue_sign' }]);

    // Signing clears the flag; the reply clock keeps running from dispatch.
    expect((await handler.post(`/api/v1/tickets/${id}/transitions`, { action: 'sign' })).status).toBe(200);
    expect((await handler.get(`/api/v1/tickets/${id}`)).body.overdue).toBe(false);
    t.clock.set('2025-10-28T10:00:01+08:00');
    expect((await runSlaSweep(t.deps)).overdue_reply).toBe(1);
    expect((await handler.get(`/api/v1/tickets/${id}`)).body.overdue).toBe(true);
    ticketId = id;
  });

  it('shows notifications to their unit only and callback tasks to the centre', async () => {
    const mine = await handler.get('/api/v1/notifications?unread=true');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((n: { kind: string }) => n.kind)).toEqual(['overdue_reply', 'overdue_sign', 'remind_sign']);
    expect(mine.body.items[0]).toMatchObject({ ticketId, unitId: fx.units.zhujian });
    const other = await login(app, 'chengguan', FIXTURE_PASSWORD);
    expect((await other.get('/api/v1/notifications')).body.total).toBe(0);
    expect((await other.post(`/api/v1/notifications/${mine.body.items[0].id}/read`)).status).toBe(404);
    expect((await handler.post(`/api/v1/notifications/${mine.body.items[0].id}/read`)).body.updated).toBe(1);
    expect((await handler.get('/api/v1/notifications?unread=true')).body.total).toBe(2);
    expect((await handler.post('/api/v1/notifications/read-all')).body.updated).toBe(2);
    expect((await handler.get('/api/v1/notifications?unread=true')).body.total).toBe(0);
    // read is per person: the unit's leader still has all three unread (one handler's "read all" is not theirs)
    const leader = await login(app, 'zhujian_leader', FIXTURE_PASSWORD);
    expect((await leader.get('/api/v1/notifications?unread=true')).body.total).toBe(3);
    expect((await leader.get('/api/v1/notifications')).body.items.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);
    expect((await handler.get('/api/v1/notifications')).body.items.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);

    // Reply; the callback deadline is 2 working days later and the centre gets a task near it.
    t.clock.set('2025-10-30T16:00:00+08:00');
    const replied = await handler.post(`/api/v1/tickets/${ticketId}/transitions`, { action: 'reply', text: '已联系物业更换电梯主板，现已恢复运行。' });
    expect(replied.status).toBe(200);
    const d = (await agent.get(`/api/v1/tickets/${ticketId}`)).body.deadlines;
    expect(d.callback).toBe(new Date('2025-11-03T16:00:00+08:00').toISOString()); // Fri 31, Mon 3
    t.clock.set('2025-11-03T00:00:00+08:00'); // 16 of 96 h left
    expect((await runSlaSweep(t.deps)).callback_task).toBe(1);
    const center = await agent.get('/api/v1/notifications');
    expect(center.body.items).toMatchObject([{ kind: 'callback_task', ticketId, unitId: null }]);
    expect((await handler.get('/api/v1/notifications')).body.items.some((n: { kind: string }) => n.kind === 'callback_task')).toBe(false);
  });
});
