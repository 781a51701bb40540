// The SLA sweep: reminders, overdue marks and callback tasks, each fired exactly once even when
// two nodes sweep at the same moment (on PostgreSQL through two separate connection pools).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { seedTestFixture, type Fixture } from '../test/fixture.ts';
import { eventHash } from '../tickets/events.ts';
import { verifyChains } from '../tickets/verify-chains.ts';
import { secondNode } from '../jobs/testing.ts';
import { runSlaSweep } from './sweep.ts';
import { startWorker } from '../jobs/worker.ts';

const H = 3600_000;

describe.each(DB_KINDS)('SLA sweep on %s', (kind) => {
  let t: TestDb;
  let fx: Fixture;
  let node2: Awaited<ReturnType<typeof secondNode>>;
  let seq = 0;
  const now = new Date('2026-03-03T10:00:00+08:00');
  const ago = (h: number) => new Date(now.getTime() - h * H);

  async function ticket(status: string, f: Record<string, Date | null> = {}): Promise<string> {
    seq++;
    const row = await t.db
      .insertInto('tickets')
      .values({
        number: `LX20260303${String(seq).padStart(6, '0')}`, channel: 'hotline', request_type: 'complaint', urgency: 'general',
        title: `测试工单 ${seq}`, content: '小区电梯长期故障', status, lead_unit_id: fx.units.zhujian, received_at: ago(100), ...f,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const alerts = (id: string) => t.db.selectFrom('ticket_alerts').select(['kind']).where('ticket_id', '=', id).execute().then((r) => r.map((x) => x.kind).sort());
  const events = (id: string) => t.db.selectFrom('ticket_events').select(['action', 'actor_role', 'data']).where('ticket_id', '=', id).orderBy('seq').execute();
  const notes = (id: string) => t.db.selectFrom('notifications').select(['unit_id', 'kind', 'body']).where('ticket_id', '=', id).execute();

  /** Every event's hash recomputes from its content and links to the previous one; heads match. */
  async function expectChainsIntact() {
    const tickets = await t.db.selectFrom('tickets').select(['id', 'last_hash', 'event_count']).execute();
    for (const tk of tickets) {
      const evs = await t.db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', tk.id).orderBy('seq').execute();
      let prev: string | null = null;
      for (const e of evs) {
        const { id: _id, hash, ...fields } = e;
        expect(e.prev_hash).toBe(prev);
        expect(eventHash(fields)).toBe(hash);
        prev = hash;
      }
      expect(tk.last_hash ?? null).toBe(prev);
      expect(tk.event_count).toBe(evs.length);
    }
    expect((await verifyChains(t.deps)).problems).toEqual([]); // what `lianxin audit verify` runs
  }

  beforeAll(async () => {
    t = await createTestDb(kind);
    fx = await seedTestFixture(t.deps);
    node2 = await secondNode(t);
    t.clock.set(now);
  });
  afterAll(async () => {
    await node2?.close();
    await t?.close();
  });

  it('fires each due alert once across two concurrent sweeps, and nothing else', async () => {
    // Received 3 h ago with 4 h to dispatch: the centre is reminded. Another is past its time.
    const toDispatchSoon = await ticket('received', { lead_unit_id: null, received_at: ago(3), dispatch_deadline: new Date(now.getTime() + 1 * H) });
    const notDispatched = await ticket('received', { lead_unit_id: null, received_at: ago(5), dispatch_deadline: ago(1) });
    // Sign window 24 h, 4 h left (≤ 25%): remind.
    const remindSign = await ticket('dispatched', { dispatched_at: ago(20), sign_deadline: new Date(now.getTime() + 4 * H) });
    // Sign window 24 h, 12 h left: nothing yet.
    const green = await ticket('dispatched', { dispatched_at: ago(12), sign_deadline: new Date(now.getTime() + 12 * H) });
    // Past the sign deadline, still unsigned: overdue.
    const lateSign = await ticket('dispatched', { dispatched_at: ago(30), sign_deadline: ago(6), reply_deadline: new Date(now.getTime() + 100 * H) });
    // Signed late: the sign deadline no longer matters; reply window fine.
    const signedLate = await ticket('signed', { dispatched_at: ago(30), signed_at: ago(2), sign_deadline: ago(6), reply_deadline: new Date(now.getTime() + 100 * H) });
    // Handling, reply deadline passed: overdue.
    const lateReply = await ticket('handling', { dispatched_at: ago(200), reply_deadline: ago(1) });
    // Handling with 10 of 100 hours left: remind.
    const remindReply = await ticket('handling', { dispatched_at: ago(90), reply_deadline: new Date(now.getTime() + 10 * H) });
    // Replied, callback due in 1 h of a 48 h window: callback task for the centre.
    const callback = await ticket('replied', { dispatched_at: ago(100), replied_at: ago(47), reply_deadline: ago(50), callback_deadline: new Date(now.getTime() + 1 * H) });
    // Closed long ago with every deadline past: nothing.
    const closed = await ticket('closed', { dispatched_at: ago(300), sign_deadline: ago(290), reply_deadline: ago(200), callback_deadline: ago(100) });

    const [a, b] = await Promise.all([runSlaSweep(t.deps), runSlaSweep(node2.deps)]);
    const total = Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof typeof a] + b[k as keyof typeof b]]));
    expect(total).toEqual({
      remind_dispatch: 1, overdue_dispatch: 1, remind_sign: 1, remind_reply: 1, overdue_sign: 1, overdue_reply: 1, callback_task: 1, remind_supervised: 0,
      remind_case: 0, overdue_case: 0,
    });
    expect(await alerts(toDispatchSoon)).toEqual(['remind_dispatch']);
    expect(await alerts(notDispatched)).toEqual(['overdue_dispatch']);
    expect(await notes(notDispatched)).toMatchObject([{ unit_id: null, kind: 'overdue_dispatch' }]);

    expect(await alerts(remindSign)).toEqual(['remind_sign']);
    expect(await alerts(green)).toEqual([]);
    expect(await alerts(lateSign)).toEqual(['overdue_sign']);
    expect(await alerts(signedLate)).toEqual([]);
    expect(await alerts(lateReply)).toEqual(['overdue_reply']);
    expect(await alerts(remindReply)).toEqual(['remind_reply']);
    expect(await alerts(callback)).toEqual(['callback_task']);
    expect(await alerts(closed)).toEqual([]);

    const flags = await t.db.selectFrom('tickets').select(['id', 'overdue']).execute();
    const overdue = new Set(flags.filter((f) => f.overdue).map((f) => f.id));
    expect(overdue).toEqual(new Set([lateSign, lateReply, notDispatched]));

    // One chained system event and one notification per alert.
    expect(await events(lateSign)).toMatchObject([{ action: 'overdue', actor_role: 'system', data: { kind: 'overdue_sign' } }]);
    expect(await events(remindSign)).toMatchObject([{ action: 'remind', actor_role: 'system', data: { kind: 'remind_sign' } }]);
    expect(await notes(remindSign)).toMatchObject([{ unit_id: fx.units.zhujian, kind: 'remind_sign' }]);
    expect((await notes(remindSign))[0].body).toContain('催办');
    expect(await notes(callback)).toMatchObject([{ unit_id: null, kind: 'callback_task' }]);
    const n = await t.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(7);
    await expectChainsIntact();

    // Sweeping again (later, on either node) fires nothing new.
    t.clock.set(new Date(now.getTime() + 60_000));
    const again = await runSlaSweep(node2.deps, { now: t.clock.now });
    expect(Object.values(again).reduce((x, y) => x + y, 0)).toBe(0);
  });

  it('fires again when an extension moves the deadline and it passes once more', async () => {
    const id = await ticket('handling', { dispatched_at: ago(200), reply_deadline: ago(2) });
    const first = await runSlaSweep(t.deps, { now });
    expect(first.overdue_reply).toBe(1);
    const extended = new Date(now.getTime() + 24 * H);
    await t.db.updateTable('tickets').set({ reply_deadline: extended, overdue: false }).where('id', '=', id).execute();
    // 24 h left of a 224 h window (measured from dispatch): a reminder, not an overdue mark.
    expect(await runSlaSweep(t.deps, { now })).toMatchObject({ overdue_reply: 0, remind_reply: 1 });
    const later = new Date(extended.getTime() + H);
    await Promise.all([runSlaSweep(t.deps, { now: later }), runSlaSweep(node2.deps, { now: later })]);
    expect(await alerts(id)).toEqual(['overdue_reply', 'overdue_reply', 'remind_reply']);
    expect((await events(id)).map((e) => e.action)).toEqual(['overdue', 'remind', 'overdue']);
    expect((await notes(id)).map((e) => e.kind).sort()).toEqual(['overdue_reply', 'overdue_reply', 'remind_reply']);
    await expectChainsIntact();
    expect((await t.db.selectFrom('tickets').select('overdue').where('id', '=', id).executeTakeFirstOrThrow()).overdue).toBe(true);
  });

  it('fires once per ticket when four sweeps on two nodes race over 50 overdue tickets', async () => {
    const at = new Date(now.getTime() + 1000 * H);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await ticket('dispatched', { dispatched_at: ago(30), sign_deadline: ago(1 + i / 10) }));
    const results = await Promise.all([
      runSlaSweep(t.deps, { now: at, batch: 7 }), runSlaSweep(node2.deps, { now: at, batch: 7 }),
      runSlaSweep(t.deps, { now: at, batch: 7 }), runSlaSweep(node2.deps, { now: at, batch: 7 }),
    ]);
    expect(results.reduce((n, r) => n + r.overdue_sign, 0)).toBe(50);
    const rows = await t.db.selectFrom('ticket_events').select(['ticket_id']).where('ticket_id', 'in', ids).where('action', '=', 'overdue').execute();
    expect(rows.length).toBe(50);
    expect(new Set(rows.map((r) => r.ticket_id)).size).toBe(50);
    const notified = await t.db.selectFrom('notifications').select('ticket_id').where('ticket_id', 'in', ids).execute();
    expect(notified.length).toBe(50);
    await expectChainsIntact();
  });

  it('reminds supervised tickets when half the reply time is gone', async () => {
    const plain = await ticket('handling', { dispatched_at: ago(60), reply_deadline: new Date(now.getTime() + 40 * H) });
    const supervised = await ticket('handling', { dispatched_at: ago(60), reply_deadline: new Date(now.getTime() + 40 * H) });
    await t.db.updateTable('tickets').set({ supervise_level: 1 }).where('id', '=', supervised).execute();
    const r = await runSlaSweep(t.deps, { now });
    expect(r.remind_supervised).toBe(1);
    expect(await alerts(plain)).toEqual([]);
    expect(await alerts(supervised)).toEqual(['remind_supervised']);
    expect((await notes(supervised))[0].body).toContain('督办');
  });

  it('two nodes running the real worker schedule one sweep per minute and fire once', async () => {
    t.clock.set(new Date(now.getTime() + 2000 * H));
    const id = await ticket('dispatched', { dispatched_at: ago(-1990), sign_deadline: new Date(now.getTime() + 1999 * H) });
    const stops = await Promise.all([
      startWorker(t.deps, { pollMs: 20, workerId: 'node-a' }),
      startWorker(node2.deps, { pollMs: 20, workerId: 'node-b' }),
    ]);
    const bucketJobs = () => t.db.selectFrom('jobs').select(['unique_key', 'status', 'locked_by']).where('name', '=', 'sla.sweep').execute();
    for (let i = 0; i < 500 && (await bucketJobs()).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 500 && (await bucketJobs()).some((j) => j.status !== 'done'); i++) await new Promise((r) => setTimeout(r, 20));
    await Promise.all(stops.map((stop) => stop()));
    const jobs = await bucketJobs();
    expect(jobs.map((j) => [j.unique_key, j.status])).toEqual([[`sla.sweep:${t.clock.now.toISOString().slice(0, 16)}`, 'done']]);
    expect(await alerts(id)).toEqual(['overdue_sign']);
    expect((await events(id)).map((e) => e.action)).toEqual(['overdue']);
  });
});
