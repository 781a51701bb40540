// Walks tickets through every path of the lifecycle over HTTP, on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { seedTestFixture, type Fixture } from '../test/fixture.ts';
import { apiAs, login, type Api } from '../test/api.ts';
import { verifyChains } from './verify-chains.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';

describe.each(DB_KINDS)('ticket lifecycle on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  let fx: Fixture;
  let anon: Api, agent: Api, dispatcher: Api, supervisor: Api, zhujian: Api, chengguan: Api, xiangzhen: Api, leader: Api;
  const phone = '13905930001';

  beforeAll(async () => {
    t = await createTestDb(kind);
    t.clock.set('2026-09-21T09:00:00+08:00'); // a Monday, well before National Day
    fx = await seedTestFixture(t.deps);
    app = await buildApp(t.deps, { logger: false, web: false });
    anon = apiAs(app);
    [agent, dispatcher, supervisor, zhujian, chengguan, xiangzhen, leader] = await Promise.all(
      ['agent', 'dispatcher', 'supervisor', 'zhujian', 'chengguan', 'xiangzhen', 'zhujian_leader'].map((u) => login(app, u, fx.password)),
    );
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const act = (who: Api, id: string, body: object) => who.post(`/api/v1/tickets/${id}/transitions`, body);
  const newTicket = async (who: Api, extra: object = {}) => {
    const res = await who.post('/api/v1/tickets', { content: '小区电梯经常停运，物业不处理，老人上下楼很困难。', contact: { phone, name: '王先生' }, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; number: string; status: string; deadlines: Record<string, string | null>; leadUnit: { id: string } | null };
  };

  it('citizen intake without a category waits for a dispatcher; numbers are dated and sequential', async () => {
    const a = await newTicket(anon, { divisionCode: fx.divisions.village1 });
    const b = await newTicket(anon, { divisionCode: fx.divisions.village1 });
    expect(a.status).toBe('received');
    expect(a.number).toMatch(/^LX20260921\d{6}$/);
    expect(Number(b.number.slice(-6))).toBe(Number(a.number.slice(-6)) + 1);
    expect(a.deadlines.dispatch).not.toBeNull();
    const queue = await dispatcher.get('/api/v1/tickets?queue=dispatch');
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(a.id);
    const d = await act(dispatcher, a.id, { action: 'dispatch', leadUnitId: fx.units.township1 });
    expect(d.status).toBe(200);
    expect(d.body.status).toBe('dispatched');
    expect(d.body.deadlines.sign).not.toBeNull();
    // the dispatcher gives the uncategorised ticket its category with the dispatch: routed by the
    // rule of that category (城乡建设 in the county → 县住建局) and kept for training; unknown → 422
    expect((await act(dispatcher, b.id, { action: 'dispatch', categoryCode: '9999' })).status).toBe(422);
    const byCat = await act(dispatcher, b.id, { action: 'dispatch', categoryCode: fx.categories.propertyService });
    expect(byCat.status).toBe(200);
    expect(byCat.body).toMatchObject({ status: 'dispatched', categoryCode: fx.categories.propertyService, leadUnitId: fx.units.zhujian });
  });

  it('main path: agent intake routed by rule → sign → progress → reply → callback → close', async () => {
    const tk = await newTicket(agent, { categoryCode: fx.categories.propertyService, divisionCode: fx.divisions.township1, type: 'complaint' });
    expect(tk.status).toBe('dispatched');
    expect(tk.leadUnit?.id).toBe(fx.units.zhujian);
    expect((await act(zhujian, tk.id, { action: 'sign' })).body.status).toBe('signed');
    expect((await act(zhujian, tk.id, { action: 'progress', note: '已约谈物业公司' })).body.status).toBe('handling');
    const replied = await act(zhujian, tk.id, { action: 'reply', text: '经核查，电梯已维修并恢复运行，物业已承诺每月检修。' });
    expect(replied.body.status).toBe('replied');
    expect(replied.body.deadlines.callback).not.toBeNull();
    expect((await act(agent, tk.id, { action: 'callback', resolved: true, satisfaction: 'satisfied' })).body.status).toBe('callback');
    const closed = await act(agent, tk.id, { action: 'close' });
    expect(closed.body.status).toBe('closed');
    expect(closed.body.events.map((e: { action: string }) => e.action)).toEqual(['receive', 'dispatch', 'sign', 'progress', 'reply', 'callback', 'close']);
    // Closed is final: signing again is an illegal transition.
    const again = await act(zhujian, tk.id, { action: 'sign' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('illegal_transition');
    expect(again.body.error.message.zh).toBeTruthy();
  });

  it('return → redispatch, extension approve/deny, unsatisfied rating reopens, satisfied closes', async () => {
    const tk = await newTicket(agent, { categoryCode: fx.categories.streetVending, divisionCode: fx.divisions.township1, type: 'complaint' });
    expect(tk.leadUnit?.id).toBe(fx.units.chengguan);
    const ret = await act(chengguan, tk.id, { action: 'return', reason: '属物业管理范围，非城管职责' });
    expect(ret.body.status).toBe('returned');
    expect((await dispatcher.get('/api/v1/tickets?queue=dispatch')).body.items.some((i: { id: string }) => i.id === tk.id)).toBe(true);
    // The unit that returned it can no longer act on it.
    expect((await act(chengguan, tk.id, { action: 'sign' })).status).toBeGreaterThanOrEqual(403);
    const re = await act(dispatcher, tk.id, { action: 'redispatch', leadUnitId: fx.units.zhujian, note: '转住建局' });
    expect(re.body.status).toBe('dispatched');
    expect(re.body.returnCount).toBe(1);
    // more time is asked for once the ticket is taken on (signed for), not before
    expect((await act(zhujian, tk.id, { action: 'extension_request', days: 3, reason: '需协调多部门现场核查' })).status).toBe(409);
    await act(zhujian, tk.id, { action: 'sign' });
    const before = (await zhujian.get(`/api/v1/tickets/${tk.id}`)).body.deadlines.reply as string;
    expect((await act(zhujian, tk.id, { action: 'extension_request', days: 3, reason: '需协调多部门现场核查' })).status).toBe(200);
    expect((await act(zhujian, tk.id, { action: 'extension_request', days: 2, reason: '再次申请' })).body.error.code).toBe('extension_pending');
    // A handler cannot approve their own request; the centre can.
    expect((await act(zhujian, tk.id, { action: 'extension_approve' })).status).toBe(403);
    const ok = await act(dispatcher, tk.id, { action: 'extension_approve', note: '同意' });
    const cal = await loadCalendar(t.deps);
    expect(ok.body.deadlines.reply).toBe(cal.addWorkingDays(new Date(before), 3).toISOString());
    await act(zhujian, tk.id, { action: 'extension_request', days: 5, reason: '再延' });
    const denied = await act(supervisor, tk.id, { action: 'extension_deny', note: '不同意' });
    expect(denied.body.deadlines.reply).toBe(ok.body.deadlines.reply);
    expect(denied.body.pendingExtension).toBeNull();
    // the unit's leader (单位负责人) decides the unit's requests too; both find them in the extensions queue
    await act(zhujian, tk.id, { action: 'extension_request', days: 2, reason: '第三次申请' });
    for (const who of [dispatcher, leader]) {
      const q = (await who.get('/api/v1/tickets?queue=extensions&pageSize=50')).body.items.map((i: { id: string }) => i.id);
      expect(q).toContain(tk.id);
    }
    expect((await xiangzhen.get('/api/v1/tickets?queue=extensions&pageSize=50')).body.items.map((i: { id: string }) => i.id)).not.toContain(tk.id);
    expect((await act(leader, tk.id, { action: 'extension_deny', note: '本单位自行加快' })).status).toBe(200);
    expect((await dispatcher.get('/api/v1/tickets?queue=extensions&pageSize=50')).body.items.map((i: { id: string }) => i.id)).not.toContain(tk.id);
    await act(zhujian, tk.id, { action: 'reply', text: '已协调清理占道摊点。' });
    // answered: the citizen is shown the reply, and no time limit (the callback is the centre's own work)
    const answered = await anon.get(`/api/v1/track/${tk.number}?phone=${phone.slice(-4)}`);
    expect(answered.body).toMatchObject({ status: 'replied', deadline: null, replyText: '已协调清理占道摊点。' });
    // Citizen rates unsatisfied through the public tracking page → reopened to the same unit.
    const rated = await anon.post(`/api/v1/track/${tk.number}/rate`, { phone: phone.slice(-4), resolved: false, satisfaction: 'unsatisfied' });
    expect(rated.status).toBe(200);
    expect(rated.body.status).toBe('dispatched');
    const after = (await zhujian.get(`/api/v1/tickets/${tk.id}`)).body;
    expect(after.reopenCount).toBe(1);
    expect(after.leadUnitId).toBe(fx.units.zhujian);
    await act(zhujian, tk.id, { action: 'sign' });
    await act(zhujian, tk.id, { action: 'reply', text: '已再次清理并安排巡查。' });
    const good = await anon.post(`/api/v1/track/${tk.number}/rate`, { phone: phone.slice(-4), resolved: true, satisfaction: 'basic' });
    expect(good.body.status).toBe('callback');
    expect((await act(dispatcher, tk.id, { action: 'close' })).body.status).toBe('closed');
  });

  it('return is refused after the return window; extension refused after the deadline', async () => {
    const tk = await newTicket(agent, { categoryCode: fx.categories.streetVending, divisionCode: fx.divisions.township1 });
    const d = (await chengguan.get(`/api/v1/tickets/${tk.id}`)).body;
    try {
      t.clock.set(new Date(new Date(d.deadlines.returnWindow).getTime() + 60_000));
      const cg = await login(app, 'chengguan', fx.password); // sessions expire; sign in again at the new time
      const late = await act(cg, tk.id, { action: 'return', reason: '不属于本单位' });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('return_window_closed');
      await act(cg, tk.id, { action: 'sign' });
      t.clock.set(new Date(new Date(d.deadlines.reply).getTime() + 60_000));
      const cg2 = await login(app, 'chengguan', fx.password);
      const ext = await act(cg2, tk.id, { action: 'extension_request', days: 2, reason: '来不及' });
      expect(ext.body.error.code).toBe('deadline_passed');
    } finally {
      t.clock.set('2026-09-21T10:00:00+08:00');
    }
  });

  it('merge: duplicates follow the master to closure; supervise, summon, pass down', async () => {
    const master = await newTicket(agent, { categoryCode: fx.categories.propertyService, divisionCode: fx.divisions.township1 });
    const dup = await newTicket(anon, { divisionCode: fx.divisions.township1 });
    // a second caller merged into it at intake (并案 in the console): its timeline says so
    const early = await newTicket(agent, { divisionCode: fx.divisions.township1, mergeInto: dup.id });
    expect(early.status).toBe('merged');
    const dupEvents = (await dispatcher.get(`/api/v1/tickets/${dup.id}`)).body.events;
    expect(dupEvents.at(-1)).toMatchObject({ action: 'note', note: `并案：${early.number}`, data: { mergedTicketId: early.id, mergedNumber: early.number } });
    const m = await act(dispatcher, dup.id, { action: 'merge', masterId: master.id });
    expect(m.body.status).toBe('merged');
    // its citizen is told it is handled with another ticket, and how that one stands (not its number)
    const tracked = (await anon.get(`/api/v1/track/${dup.number}?phone=${phone.slice(-4)}`)).body;
    expect(tracked.mergedInto).toMatchObject({ status: 'dispatched', handlingUnit: expect.any(String) });
    expect(JSON.stringify(tracked)).not.toContain(master.number);
    expect((await anon.get(`/api/v1/track/${master.number}?phone=${phone.slice(-4)}`)).body.mergedInto).toBeNull();
    // what was merged into it follows it to the new master (else nothing would ever close it)
    const moved = (await dispatcher.get(`/api/v1/tickets/${early.id}`)).body;
    expect(moved.masterId).toBe(master.id);
    expect((await dispatcher.get(`/api/v1/tickets/${master.id}`)).body.events.map((e: { note: string | null }) => e.note)).toEqual(
      expect.arrayContaining([`并案：${dup.number}`, `并案：${early.number}（随 ${dup.number}）`]),
    );
    expect((await act(dispatcher, master.id, { action: 'merge', masterId: master.id })).status).toBe(409);
    expect((await act(supervisor, master.id, { action: 'supervise', level: 2 })).body.superviseLevel).toBe(2);
    expect((await act(zhujian, master.id, { action: 'supervise', level: 1 })).status).toBe(403);
    const s = await act(zhujian, master.id, { action: 'summon', unitIds: [fx.units.chengguan] });
    expect(s.body.coUnits.map((u: { id: string }) => u.id)).toContain(fx.units.chengguan);
    // The co-unit now sees the ticket.
    expect((await chengguan.get(`/api/v1/tickets/${master.id}`)).status).toBe(200);
    await act(zhujian, master.id, { action: 'sign' });
    await act(zhujian, master.id, { action: 'reply', text: '已处理。' });
    // answered: the agents' callback list has it until the callback is made
    const waiting = async () => (await agent.get('/api/v1/tickets?queue=callback&pageSize=100')).body.items.map((i: { id: string }) => i.id);
    expect(await waiting()).toContain(master.id);
    await act(agent, master.id, { action: 'callback', resolved: true, satisfaction: 'satisfied' });
    expect(await waiting()).not.toContain(master.id);
    await act(agent, master.id, { action: 'close' });
    const child = (await dispatcher.get(`/api/v1/tickets/${dup.id}`)).body;
    expect(child.status).toBe('closed');
    expect(child.replyText).toBe('已处理。');
    expect((await dispatcher.get(`/api/v1/tickets/${early.id}`)).body).toMatchObject({ status: 'closed', replyText: '已处理。' });
    // the public board shows the matter once: the master, not its merged duplicate
    const boardItems = (await anon.get('/api/v1/board?pageSize=100')).body.items as { id: string; number: string; categoryCode: string | null; categoryName: string | null }[];
    const board = boardItems.map((i) => i.id);
    // the number shows its date only: the daily sequence is half the tracking secret
    expect(boardItems.every((i) => /^LX\d{8}\*{6}$/.test(i.number))).toBe(true);
    // each item names its category by code too (the web shows the name in the reader's language)
    expect(boardItems.find((i) => i.categoryName)?.categoryCode).toMatch(/^\d{2,}$/);
    expect(board).toContain(master.id);
    expect(board).not.toContain(dup.id);

    // Pass down from a township to one of its villages needs the whitelist or a basis.
    const tw = await newTicket(agent, { categoryCode: fx.categories.community, divisionCode: fx.divisions.village1 });
    await act(dispatcher, tw.id, { action: 'redispatch', leadUnitId: fx.units.township1 });
    const down = await act(xiangzhen, tw.id, { action: 'pass_down', unitId: fx.units.village1 });
    expect(down.status).toBe(200);
    expect(down.body.leadUnitId).toBe(fx.units.village1);
    const tw2 = await newTicket(agent, { categoryCode: fx.categories.propertyService, divisionCode: fx.divisions.village1, leadUnitId: fx.units.township1 });
    expect((await act(xiangzhen, tw2.id, { action: 'pass_down', unitId: fx.units.village1 })).body.error.code).toBe('not_whitelisted');
    expect((await act(xiangzhen, tw2.id, { action: 'pass_down', unitId: fx.units.village1, basis: '镇党委会议纪要〔2026〕12号' })).status).toBe(200);
    expect((await act(xiangzhen, tw2.id, { action: 'pass_down', unitId: fx.units.zhujian })).status).toBe(403);
  });

  it('direct answer, out of scope with a rule, transfer to 110, reopen, exclusion', async () => {
    const a = await newTicket(agent, {});
    const ans = await act(agent, a.id, { action: 'direct_answer', text: '社保卡补办请携带身份证到县行政服务中心社保窗口办理。' });
    expect(ans.body.status).toBe('closed');
    // answered at the centre: tracking names who answered, not "being assigned"
    const answeredBy = (await anon.get(`/api/v1/track/${a.number}?phone=${phone.slice(-4)}`)).body;
    expect(answeredBy.deadline).toBeNull();
    expect(answeredBy.events.map((e: { action: string }) => e.action)).toEqual(['receive', 'direct_answer']);
    const b = await newTicket(agent, {});
    expect((await act(agent, b.id, { action: 'out_of_scope', ruleCode: 'nope' })).body.error.code).toBe('unknown_rule');
    const rules = await t.deps.db.selectFrom('scope_rules').select('code').execute();
    const oos = await act(agent, b.id, { action: 'out_of_scope', ruleCode: rules[0].code });
    expect(oos.body.status).toBe('closed');
    expect(oos.body.excludedFromRates).toBe(true);
    const c = await newTicket(agent, {});
    expect((await act(agent, c.id, { action: 'transfer', target: '110' })).body.status).toBe('closed');
    const r = await act(dispatcher, a.id, { action: 'reopen', reason: '群众再次来电反映未解决' });
    expect(r.body.status).toBe('received');
    const ex = await act(supervisor, a.id, { action: 'exclude', reason: '诉求不合理，经审核不计入考核' });
    expect(ex.body.excludedFromRates).toBe(true);
  });

  it('access: another unit gets 404 and cannot act; lists are scoped; contact masked; /track needs the phone', async () => {
    const tk = await newTicket(agent, { categoryCode: fx.categories.propertyService, divisionCode: fx.divisions.township1, contact: { phone: '13812345678', name: '李四', confidential: false } });
    expect((await chengguan.get(`/api/v1/tickets/${tk.id}`)).status).toBe(404);
    expect((await act(chengguan, tk.id, { action: 'sign' })).status).toBe(404);
    expect((await anon.get(`/api/v1/tickets/${tk.id}`)).status).toBe(401);
    const list = await chengguan.get('/api/v1/tickets?pageSize=200');
    expect(list.body.items.some((i: { id: string }) => i.id === tk.id)).toBe(false);
    // Lists mask the phone; the lead unit's detail shows it and the read is logged.
    const zl = await zhujian.get('/api/v1/tickets?pageSize=200');
    expect(zl.body.items.find((i: { id: string }) => i.id === tk.id).contactPhone).toBe('138****5678');
    const detail = (await zhujian.get(`/api/v1/tickets/${tk.id}`)).body;
    expect(detail.contactPhone).toBe('13812345678');
    const logged = await t.deps.db.selectFrom('pii_access_log').selectAll().where('ticket_id', '=', tk.id).execute();
    expect(logged.length).toBe(1);
    // The supervisor sees the ticket but not the phone.
    expect((await supervisor.get(`/api/v1/tickets/${tk.id}`)).body.contactPhone).toBe('138****5678');
    // The unit leader sees it (same unit), a parent-unit-less handler of another unit does not.
    expect((await leader.get(`/api/v1/tickets/${tk.id}`)).status).toBe(200);
    // by its number too (what staff know), in any case; anything else is no such ticket, not a schema error
    expect((await zhujian.get(`/api/v1/tickets/${tk.number.toLowerCase()}`)).body.id).toBe(tk.id);
    expect((await chengguan.get(`/api/v1/tickets/${tk.number}`)).status).toBe(404);
    expect((await zhujian.get('/api/v1/tickets/not-a-uuid')).body.error.code).toBe('ticket_not_found');
    expect((await anon.get(`/api/v1/track/${tk.number}?phone=0000`)).status).toBe(404);
    const tr = await anon.get(`/api/v1/track/${tk.number}?phone=5678`);
    expect(tr.status).toBe(200);
    expect(JSON.stringify(tr.body)).not.toContain('13812345678');
    expect(JSON.stringify(tr.body)).not.toContain('李四');
    // the number as typed off a slip: lower case, spaces
    expect((await anon.get(`/api/v1/track/${encodeURIComponent(tk.number.toLowerCase().replace(/(\d{8})/, '$1 '))}?phone=5678`)).body.number).toBe(tk.number);
    // the citizen sees when the answer is due, not the unit's sign-for limit
    expect(['dispatched', 'signed', 'handling']).toContain(detail.status);
    expect(tr.body.deadline).toBe(detail.deadlines.reply);
  });

  it('a signed-in citizen reads their own ticket as tracking shows it: no internal notes, no staff names', async () => {
    const { hashPassword } = await import('../auth/passwords.ts');
    await t.deps.db.insertInto('users').values({ username: 'resident1', display_name: '居民王', role: 'citizen', password_hash: await hashPassword(fx.password) }).execute();
    const resident = await login(app, 'resident1', fx.password);
    const created = await resident.post('/api/v1/tickets', { content: '小区门口的井盖松动了，车一压就响', divisionCode: fx.divisions.village1, contact: { phone: '13812340001' } });
    expect(created.status).toBe(201);
    await act(supervisor, created.body.id, { action: 'note', note: '内部备注：疑似职业投诉人，勿公开' });
    await act(dispatcher, created.body.id, { action: 'dispatch', leadUnitId: fx.units.zhujian });
    const staffView = (await supervisor.get(`/api/v1/tickets/${created.body.id}`)).body;
    expect(staffView.events.some((e: { note: string | null }) => e.note?.includes('内部备注'))).toBe(true);
    const own = await resident.get(`/api/v1/tickets/${created.body.id}`);
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).not.toContain('内部备注');
    expect(own.body.events.every((e: { public: boolean }) => e.public)).toBe(true);
    // staff are named by their unit, not by name
    expect(JSON.stringify(own.body.events)).not.toContain('派单员小陈');
    expect(own.body.events.map((e: { action: string }) => e.action)).toContain('dispatch');
    // the routing's ids and scores stay with the staff; the unit's name is there
    const dispatched = own.body.events.find((e: { action: string }) => e.action === 'dispatch');
    expect(Object.keys(dispatched.data)).not.toContain('leadUnitId');
    expect(dispatched.data.leadUnitName).toEqual(expect.any(String));
  });

  it('bad input → 4xx with zh/en messages, never 5xx', async () => {
    // a reversed period is refused as the reports refuse it, not answered with an empty list
    const reversed = await dispatcher.get('/api/v1/tickets?from=2026-12-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect([reversed.status, reversed.body.error.code]).toEqual([400, 'validation']);
    expect((await supervisor.get('/api/v1/divisions/999999/key-sites')).status).toBe(422);
    const cases: [object, number][] = [
      [{}, 400],
      [{ content: 'x'.repeat(10), contact: {} }, 400],
      [{ content: 123, contact: { phone: '13900000000' } }, 400],
      [{ content: 'x'.repeat(6000), contact: { phone: '13900000000' } }, 400],
      [{ content: '路灯坏了很久没人修', contact: { phone: '13900000000' }, divisionCode: '999999' }, 422],
      [{ content: '路灯坏了很久没人修', contact: { phone: '13900000000' }, categoryCode: '9999' }, 422],
      [{ content: '路灯坏了很久没人修', contact: { phone: '13900000000' }, type: 'rant' }, 400],
      [{ content: '路灯坏了很久没人修', contact: { phone: '13900000000' }, lat: 'north' }, 400],
    ];
    for (const [body, status] of cases) {
      const res = await anon.post('/api/v1/tickets', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(res.body.error.message.en).toBeTruthy();
    }
    const huge = await app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { content: 'x'.repeat(1_100_000), contact: { phone: '139' } } });
    expect(huge.statusCode).toBe(413);
    const bad = await agent.post('/api/v1/tickets/00000000-0000-0000-0000-000000000000/transitions', { action: 'fly' });
    expect(bad.status).toBe(400);
    expect((await agent.post('/api/v1/tickets/not-a-uuid/transitions', { action: 'sign' })).status).toBe(400);
    expect((await agent.get('/api/v1/tickets?pageSize=100000')).status).toBe(400);
    // dates a call cannot have come in at, and dates the calendar does not cover
    for (const receivedAt of ['9999-12-31T23:00:00Z', '0000-01-01T00:00:00Z', '1900-01-01T00:00:00Z', new Date(t.deps.now().getTime() + 86_400_000).toISOString()]) {
      const r = await agent.post('/api/v1/tickets', { content: '路灯坏了很久没人修', contact: { phone: '13900000000' }, hold: true, receivedAt });
      expect(r.status, receivedAt).toBe(400);
    }
    const yesterday = await agent.post('/api/v1/tickets', { content: '昨晚打来的电话：路灯坏了', contact: { phone: '13900000000' }, hold: true, receivedAt: new Date(t.deps.now().getTime() - 86_400_000).toISOString() });
    expect(yesterday.status).toBe(201);
    for (const url of ['/api/v1/sla/preview?receivedAt=9999-12-31', '/api/v1/calendar/add-working-days?from=9999-12-31&days=5', '/api/v1/calendar/days?from=0000-01-01&to=0000-01-31', '/api/v1/tickets/%zz']) {
      const r = await agent.get(url);
      expect(r.status, url).toBe(400);
      expect(r.body.error.message.zh, url).toBeTruthy();
    }
    const merge = await agent.post('/api/v1/tickets', { content: '同一件事', contact: { phone: '13900000000' }, mergeInto: '00000000-0000-4000-8000-000000000000' });
    expect(merge.status).toBe(404);
  });

  it('meeting batch entry: each item succeeds or fails on its own; staff only', async () => {
    const res = await dispatcher.post('/api/v1/tickets/batch', {
      channel: 'meeting',
      tickets: [
        { content: '联席会议交办：城北路积水点整治。', contact: { phone: '05936000001' }, categoryCode: fx.categories.cityLook, divisionCode: fx.divisions.township1 },
        { content: '联席会议交办：未知区划。', contact: { phone: '05936000001' }, divisionCode: '999999999' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ ok: true, status: 'dispatched' });
    expect(res.body.results[1]).toMatchObject({ ok: false, error: { code: 'unknown_division' } });
    const tk = (await dispatcher.get(`/api/v1/tickets/${res.body.results[0].id}`)).body;
    expect(tk.channel).toBe('meeting');
    expect((await zhujian.post('/api/v1/tickets/batch', { tickets: [{ content: '测试测试', contact: { phone: '05936000001' } }] })).status).toBe(403);
  });

  it('every event chain verifies; tampering is detected', async () => {
    const ok = await verifyChains(t.deps);
    expect(ok.tickets).toBeGreaterThan(10);
    expect(ok.problems).toEqual([]);
    await sql`update ticket_events set note = 'tampered' where seq = 2 and ticket_id = (select id from tickets where event_count >= 3 order by number limit 1)`.execute(t.deps.db);
    const bad = await verifyChains(t.deps);
    expect(bad.problems.length).toBeGreaterThan(0);
    expect(bad.problems[0].problem).toMatch(/hash/);
  });

  it('audit verify reports log rows whose ticket or actor is gone (the log has no foreign keys)', async () => {
    const before = (await verifyChains(t.deps)).problems.length;
    const ghost = '00000000-0000-4000-8000-00000000beef';
    await sql`insert into ticket_events (ticket_id, seq, action, to_status, actor_id, actor_role, at, hash)
      values (${ghost}, 1, 'receive', 'received', ${ghost}, 'agent', now(), 'x')`.execute(t.deps.db);
    const after = (await verifyChains(t.deps)).problems.slice(before);
    expect(after.map((p) => p.problem).sort()).toEqual(['event actor missing', 'event without ticket']);
    expect(after.every((p) => p.ticketId === ghost && p.seq === 1)).toBe(true);
    await sql`delete from ticket_events where ticket_id = ${ghost}`.execute(t.deps.db);
  });
});
