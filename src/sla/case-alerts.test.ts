// Proactive cases on the sweep: the lead unit is reminded when ≤ 25% of the case's time is left and
// told once it is overdue, exactly once across two concurrent sweeps; closed cases and cases with
// time to spare get nothing; a case without a lead unit alerts the centre. The unit reads the
// alert through the notifications API, with the case's id and title.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { seedTestFixture, type Fixture } from '../test/fixture.ts';
import { secondNode } from '../jobs/testing.ts';
import { buildApp } from '../server/app.ts';
import { login } from '../test/api.ts';
import { runSlaSweep } from './sweep.ts';

const D = 86_400_000;

describe.each(DB_KINDS)('proactive case alerts on %s', (kind) => {
  let t: TestDb;
  let fx: Fixture;
  let node2: Awaited<ReturnType<typeof secondNode>>;
  const now = new Date('2026-03-03T10:00:00+08:00');

  async function kase(title: string, f: { created: number; due: number | null; lead?: string | null; status?: string }): Promise<string> {
    const row = await t.db
      .insertInto('hotspot_cases')
      .values({
        title, division_code: fx.divisions.county, status: f.status ?? 'open', created_at: new Date(now.getTime() - f.created * D),
        due_at: f.due === null ? null : new Date(now.getTime() + f.due * D), lead_unit_id: f.lead === undefined ? fx.units.zhujian : f.lead,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const notes = (id: string) => t.db.selectFrom('notifications').select(['unit_id', 'kind', 'body', 'ticket_id']).where('case_id', '=', id).execute();

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

  it('reminds near the deadline and tells the lead unit once it is overdue, once across nodes', async () => {
    const near = await kase('城北片区电梯集中故障', { created: 20, due: 2 }); // 2 of 22 days left
    const spare = await kase('路灯不亮', { created: 2, due: 20 });
    const late = await kase('工地夜间施工扰民', { created: 30, due: -1 });
    const closed = await kase('已办结的案件', { created: 30, due: -5, status: 'closed' });
    const noDue = await kase('没有期限的案件', { created: 30, due: null });
    const centre = await kase('无牵头单位的案件', { created: 30, due: -1, lead: null });

    const [a, b] = await Promise.all([runSlaSweep(t.deps), runSlaSweep(node2.deps)]);
    expect(a.remind_case + b.remind_case).toBe(1);
    expect(a.overdue_case + b.overdue_case).toBe(2);
    expect(await notes(near)).toMatchObject([{ unit_id: fx.units.zhujian, kind: 'remind_case', ticket_id: null }]);
    expect((await notes(near))[0].body).toBe('催办：主动治理案件「城北片区电梯集中故障」办结时限 2026-03-05 10:00 将到，请抓紧办理。');
    expect(await notes(late)).toMatchObject([{ unit_id: fx.units.zhujian, kind: 'overdue_case' }]);
    expect(await notes(centre)).toMatchObject([{ unit_id: null, kind: 'overdue_case' }]);
    for (const id of [spare, closed, noDue]) expect(await notes(id)).toEqual([]);

    // later sweeps fire nothing new; a moved deadline that passes again fires again
    const again = await runSlaSweep(node2.deps, { now: new Date(now.getTime() + 60_000) });
    expect(again.remind_case + again.overdue_case).toBe(0);
    await t.db.updateTable('hotspot_cases').set({ due_at: new Date(now.getTime() + 1 * D) }).where('id', '=', late).execute();
    const later = await runSlaSweep(t.deps, { now: new Date(now.getTime() + 2 * D) });
    expect(later.overdue_case).toBeGreaterThanOrEqual(1);
    expect((await notes(late)).filter((n) => n.kind === 'overdue_case')).toHaveLength(2);
  });

  it('the lead unit reads the alert with the case id and title; another unit does not see it', async () => {
    const app = await buildApp(t.deps);
    try {
      const zhujian = await login(app, 'zhujian', fx.password);
      const list = (await zhujian.get('/api/v1/notifications?unread=true&pageSize=50')).body;
      const item = list.items.find((n: { caseTitle: string | null }) => n.caseTitle === '城北片区电梯集中故障');
      expect(item).toMatchObject({ kind: 'remind_case', ticketId: null, ticketNumber: null, unitId: fx.units.zhujian });
      expect(item.caseId).toMatch(/^[0-9a-f-]{36}$/);
      const chengguan = await login(app, 'chengguan', fx.password);
      const theirs = (await chengguan.get('/api/v1/notifications?pageSize=50')).body;
      expect(theirs.items.some((n: { caseId: string | null }) => n.caseId === item.caseId)).toBe(false);
    } finally {
      await app.close();
    }
  });
});
