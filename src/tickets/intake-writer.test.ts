import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { seedTestFixture, type Fixture } from '../test/fixture.ts';
import { intakeHooks } from './intake-hooks.ts';
import { createTicket } from './create-ticket.ts';
import { writeIntake } from './intake-writer.ts';
import { chainEvents } from './events.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { verifyChains } from './verify-chains.ts';
import { getTicket } from './tickets.repo.ts';

describe.each(DB_KINDS)('group-committed intake on %s', (kind) => {
  let t: TestDb;
  let fx: Fixture;
  beforeAll(async () => {
    t = await createTestDb(kind);
    t.clock.set('2026-11-23T10:00:00+08:00');
    fx = await seedTestFixture(t.deps);
  });
  afterAll(async () => t?.close());

  it('concurrent tickets all land with unique, gap-free numbers and valid chains', async () => {
    const made = await Promise.all(
      Array.from({ length: 60 }, (_, i) => createTicket(t.deps, null, { content: `第${i}条：路面坑洼，车辆通行困难。`, contact: { phone: `1390000${String(i).padStart(4, '0')}` } })),
    );
    const numbers = made.map((m) => m.ticket.number).sort();
    expect(new Set(numbers).size).toBe(60);
    const seqs = numbers.map((n) => Number(n.slice(-6)));
    expect(seqs[59] - seqs[0]).toBe(59);
    expect(numbers[0].startsWith('LX20261123')).toBe(true);
    expect((await verifyChains(t.deps)).problems).toEqual([]);
  });

  it('the ticket intake answers with is the row as stored (defaults, number, times included)', async () => {
    const agent = { id: fx.users.agent, username: 'agent', displayName: 'a', role: 'agent' as const, unitId: null, unitPath: null, unitName: null, divisionCode: null, divisionPath: null, locale: 'zh' };
    const made = await Promise.all([
      createTicket(t.deps, agent, { content: '小区物业不作为，电梯坏了没人修。', contact: { phone: '13900003331', name: '王' }, categoryCode: fx.categories.propertyService, address: '城北社区1号', lat: 27.23, lng: 119.9 }),
      createTicket(t.deps, null, { content: '咨询社保卡补办流程。', contact: { phone: '13900003332', anonymous: true } }),
      createTicket(t.deps, agent, { content: '占道经营。', contact: { phone: '13900003333' }, hold: true, type: 'complaint', urgency: 'emergency' }),
    ]);
    expect(made.map((m) => m.ticket.status)).toEqual(['dispatched', 'received', 'received']);
    for (const m of made) {
      const stored = await getTicket(t.deps.db, m.ticket.id);
      expect(m.ticket).toEqual(stored);
    }
  });

  it('a failing text analysis never costs the citizen the ticket; agents can hold a ticket at intake', async () => {
    const saved = intakeHooks.analyze;
    intakeHooks.analyze = async () => {
      throw new Error('model file from an older version');
    };
    try {
      const c = await createTicket(t.deps, null, { content: '楼道灯坏了，晚上上下楼很危险。', contact: { phone: '13900002222' } });
      expect(c.ticket.status).toBe('received');
    } finally {
      intakeHooks.analyze = saved;
    }
    const agent = { id: fx.users.agent, username: 'agent', displayName: 'a', role: 'agent' as const, unitId: null, unitPath: null, unitName: null, divisionCode: null, divisionPath: null, locale: 'zh' };
    const held = await createTicket(t.deps, agent, { content: '咨询社保卡补办流程。', contact: { phone: '13900002223' }, categoryCode: fx.categories.propertyService, hold: true });
    expect(held.ticket.status).toBe('received');
    const routed = await createTicket(t.deps, agent, { content: '小区物业不作为。', contact: { phone: '13900002224' }, categoryCode: fx.categories.propertyService });
    expect(routed.ticket.status).toBe('dispatched');
    await expect(createTicket(t.deps, null, { content: '我要插队', contact: { phone: '13900002225' }, hold: true })).rejects.toThrow();
  });

  it('the model sends a ticket out alone only to a unit a rule names; 兜底 is a person’s call', async () => {
    const saved = intakeHooks.analyze;
    // 交通运输 has no routing rule in the fixture: routing would fall back to the county government
    intakeHooks.analyze = async () => ({ autoCategory: { code: fx.categories.busRoute, confidence: 0.99 } });
    try {
      const byModel = await createTicket(t.deps, null, { content: '公交线路调整后绕远了。', contact: { phone: '13900002231' }, divisionCode: fx.divisions.village1 });
      expect(byModel.ticket.status).toBe('received');
      expect(byModel.autoDispatched).toBe(false);
      // a category the model is sure of that a rule owns still goes out with no human
      intakeHooks.analyze = async () => ({ autoCategory: { code: fx.categories.propertyService, confidence: 0.99 } });
      const ruled = await createTicket(t.deps, null, { content: '小区物业不作为。', contact: { phone: '13900002232' }, divisionCode: fx.divisions.village1 });
      expect(ruled.ticket.status).toBe('dispatched');
      expect(ruled.autoDispatched).toBe(true);
      // no rule owns the matter, but the unit model is sure which unit handles it here
      intakeHooks.analyze = async () => ({ autoCategory: { code: fx.categories.busRoute, confidence: 0.99 }, autoUnit: { unitId: fx.units.township1, confidence: 0.97 } });
      const byUnit = await createTicket(t.deps, null, { content: '公交站台被占用。', contact: { phone: '13900002234' }, divisionCode: fx.divisions.village1 });
      expect(byUnit.ticket.status).toBe('dispatched');
      expect(byUnit.ticket.lead_unit_id).toBe(fx.units.township1);
      expect(byUnit.autoDispatched).toBe(true);
      const ev = await t.db.selectFrom('ticket_events').select(['action', 'data']).where('ticket_id', '=', byUnit.ticket.id).where('action', '=', 'auto_dispatch').executeTakeFirstOrThrow();
      expect(ev.data).toMatchObject({ unitModel: true, confidence: 0.97 });
      // a rule still comes first
      intakeHooks.analyze = async () => ({ autoCategory: { code: fx.categories.propertyService, confidence: 0.99 }, autoUnit: { unitId: fx.units.township1, confidence: 0.97 } });
      const both = await createTicket(t.deps, null, { content: '小区物业不作为，垃圾没人清。', contact: { phone: '13900002235' }, divisionCode: fx.divisions.village1 });
      expect(both.ticket.lead_unit_id).toBe(fx.units.zhujian);
    } finally {
      intakeHooks.analyze = saved;
    }
    // an agent who chose the category: no rule owns it, so the county government takes it (兜底)
    const agent = { id: fx.users.agent, username: 'agent', displayName: 'a', role: 'agent' as const, unitId: null, unitPath: null, unitName: null, divisionCode: null, divisionPath: null, locale: 'zh' };
    const byAgent = await createTicket(t.deps, agent, { content: '公交线路调整后绕远了。', contact: { phone: '13900002233' }, categoryCode: fx.categories.busRoute, divisionCode: fx.divisions.village1 });
    expect(byAgent.ticket.status).toBe('dispatched');
    expect(byAgent.ticket.lead_unit_id).toBe(fx.units.countyGov);
  });

  it('one bad ticket in a group does not sink the others', async () => {
    const item = (category: string | null) => {
      const id = randomUUID();
      const at = new Date('2026-11-23T03:00:00Z');
      const chain = chainEvents({ ticketId: id, seq: 0, prevHash: null, status: 'received' }, [{ action: 'receive', toStatus: 'received', actor: SYSTEM_ACTOR, at }], at);
      return {
        ticket: {
          id, channel: 'web', request_type: 'help', urgency: 'general', category_code: category, title: 't', content: 'c', status: 'received',
          received_at: at, last_hash: chain.lastHash, event_count: 1,
        },
        events: chain.rows,
        units: [],
      };
    };
    const results = await Promise.allSettled([
      writeIntake(t.deps.db, t.deps.dbKind, item(null)),
      writeIntake(t.deps.db, t.deps.dbKind, item('no-such-category')),
      writeIntake(t.deps.db, t.deps.dbKind, item(null)),
      writeIntake(t.deps.db, t.deps.dbKind, item(null)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
  });
});
