import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChains } from '../tickets/verify-chains.ts';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { seedTestFixture, type Fixture } from '../test/fixture.ts';
import { login, apiAs, type Api } from '../test/api.ts';
import { insertTestTicket } from './dedupe/test-tickets.ts';
import { indexTicketText } from './dedupe/find-duplicates.ts';
import { ticketsForHotspots } from './hotspots/hotspots.repo.ts';
import { trainClassifier } from './classifier/train.ts';
import { clearModelCache } from './classifier/active-model.ts';
import { insertModel } from './models.repo.ts';
import { markOpenable } from './openable.ts';

const KB_BODY = '夜间22时至次日6时禁止产生噪声的建筑施工作业，因生产工艺要求或者特殊需要必须连续施工的，须取得住建部门出具的证明并公告附近居民。市民可拨打12345或向属地住建、城管部门反映，执法人员将到场核查，对违规施工依法责令停止并处以罚款。';
const NOISE = '双城镇城北社区金山苑旁边工地夜间施工，噪音很大，每天到凌晨两点，严重影响居民休息';
const HOT = [
  '翠屏花园小区门口垃圾站臭气熏天，垃圾好几天没人清运',
  '翠屏花园小区门口垃圾站垃圾堆积，几天没清运，气味很难闻',
  '反映翠屏花园小区垃圾站垃圾无人清运，夏天臭气熏天',
  '翠屏花园小区门口的垃圾站垃圾满了没人清运，苍蝇蚊子很多',
];

const shanghaiDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe.each(DB_KINDS)('nlp routes on %s', (kind) => {
  let t: TestDb;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let fx: Fixture;
  let agent: Api;
  let supervisor: Api;
  let handler: Api;
  let noiseId: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    fx = await seedTestFixture(t.deps);
    app = await buildApp(t.deps, { logger: false, web: false });
    [agent, supervisor, handler] = await Promise.all([
      login(app, 'agent', fx.password), login(app, 'supervisor', fx.password), login(app, 'renshe', fx.password),
    ]);
    const day = 86400_000;
    const now = t.deps.now().getTime();
    noiseId = await insertTestTicket(t.deps.db, {
      title: '工地夜间施工噪音', content: NOISE, division_code: fx.divisions.village1, contact_phone: '13900000002',
      received_at: new Date(now - 2 * day),
    });
    await indexTicketText(t.deps.db, noiseId, `工地夜间施工噪音 ${NOISE}`);
    await insertTestTicket(t.deps.db, {
      title: '施工噪音扰民', content: '富溪镇前宅村工地晚上施工噪音扰民，影响休息', status: 'closed', division_code: fx.divisions.village4,
      category_code: fx.categories.constructionNoise, reply_text: '经核查，已责令施工单位夜间停止施工并处罚款。', resolved: true,
      satisfaction: 'satisfied', closed_at: new Date(now - 5 * day), received_at: new Date(now - 9 * day),
    });
    // another similar ticket closed with the very same answer
    await insertTestTicket(t.deps.db, {
      title: '工地晚上施工吵', content: '前宅村工地晚上施工噪音扰民，睡不着觉', status: 'closed', division_code: fx.divisions.village4,
      category_code: fx.categories.constructionNoise, reply_text: '经核查，已责令施工单位夜间停止施工并处罚款。', resolved: true,
      closed_at: new Date(now - 4 * day), received_at: new Date(now - 8 * day),
    });
    for (const [i, c] of HOT.entries()) {
      await insertTestTicket(t.deps.db, { title: c.slice(0, 14), content: c, division_code: fx.divisions.village1, received_at: new Date(now - (i + 1) * day), contact_phone: `1391111000${i}`, number: `LX2026010199990${i}` });
    }
    await t.deps.db.insertInto('kb_articles').values({ title: '夜间施工噪音的处理', body: KB_BODY, keywords: '夜间施工 噪音' }).execute();
    await t.deps.db.insertInto('kb_articles').values({ title: '住房公积金提取条件和办理渠道', body: '职工购房、租房、退休等情形可申请提取住房公积金，可通过网上办事大厅或柜台办理。', keywords: '住房公积金 提取', category_code: fx.categories.wages }).execute();
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('analyze needs a staff session and a non-empty content', async () => {
    expect((await apiAs(app).post('/api/v1/nlp/analyze', { content: '停水了' })).status).toBe(401);
    // a form post is no JSON: a 415 that says what to send
    const form = await app.inject({ method: 'POST', url: '/api/v1/nlp/analyze', payload: 'content=停水了', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(415);
    expect(JSON.parse(form.body).error).toMatchObject({ code: 'unsupported_content_type', message: { en: expect.stringContaining('application/json') } });
    const r = await agent.post('/api/v1/nlp/analyze', { content: '   ' });
    expect(r.status).toBe(400);
    // an odd phone is only a missing hint; a division the deployment lacks is a clear 422 (as everywhere)
    const odd = await agent.post('/api/v1/nlp/analyze', { content: '路灯坏了', phone: 'x' });
    expect(odd.status).toBe(200);
    expect(odd.body.place).toBeNull();
    expect((await agent.post('/api/v1/nlp/analyze', { content: '路灯坏了', divisionCode: '999999' })).status).toBe(422);
    // a division code that is not a code at all is a clear 400, not a silently dropped hint
    const bad = await agent.post('/api/v1/nlp/analyze', { content: '路灯坏了', divisionCode: 'zzz' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message.en).toBeTruthy();
    // content that is only markup or invisible characters is as empty as blank content
    for (const content of ['<p></p>', '\u200b', '<br/>\u200b ']) {
      const empty = await agent.post('/api/v1/nlp/analyze', { content });
      expect(empty.status, JSON.stringify(content)).toBe(400);
      expect(empty.body.error.message.zh).toBeTruthy();
    }
    // a code typed with full-width digits is the code; with no place in the text, the division given is the place
    const wide = await agent.post('/api/v1/nlp/analyze', { content: '路灯坏了', divisionCode: [...fx.divisions.township1].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('') });
    expect(wide.status).toBe(200);
    expect(wide.body.place).toMatchObject({ code: fx.divisions.township1 });
  });

  it('analyze returns category, place, urgency, duplicates, repeat caller, KB and replies', async () => {
    const r = await agent.post('/api/v1/nlp/analyze', { title: '夜间施工', content: NOISE.replace('凌晨两点', '凌晨三点'), phone: '13900000002' });
    expect(r.status).toBe(200);
    const b = r.body;
    expect(b.categories[0].code).toBe(fx.categories.constructionNoise);
    expect(b.source).toBe('keywords');
    expect(b.units.length).toBeGreaterThan(0);
    expect(b.requestType).toBe('complaint');
    expect(b.place).toMatchObject({ code: fx.divisions.village1 });
    expect(b.urgency).toEqual({ level: 'general', cue: null, transferTo: null, suggest110: false });
    expect(b.duplicates.map((d: { id: string }) => d.id)).toEqual([noiseId]);
    expect(b.repeatCaller).toBe(true);
    expect(b.duplicates[0].sameCaller).toBe(true); // the same caller's open ticket: said so beside its similarity
    expect(b.kb[0].title).toBe('夜间施工噪音的处理');
    // the list shows a snippet; 用此答复 takes the whole answer
    expect(b.kb[0].snippet.length).toBeLessThanOrEqual(80);
    expect(b.kb[0].body).toBe(KB_BODY);
    expect(b.replies[0].replyText).toContain('停止施工');
    expect(b.replies[0].satisfaction).toBe('satisfied');
    expect(b.replies[0].canOpen).toBe(true); // inside the agent's division
    expect(b.replies[0].divisionCode).toBeUndefined(); // used for the scope, not shown
    expect(b.terms).toEqual(expect.arrayContaining(['噪音']));
    // a unit's handler may not open that ticket: it is not named to them, nor does it make a repeat caller
    const h = (await handler.post('/api/v1/nlp/analyze', { title: '夜间施工', content: NOISE.replace('凌晨两点', '凌晨三点'), phone: '13900000002' })).body;
    expect(h.duplicates).toEqual([]);
    expect(h.repeatCaller).toBe(false);
    expect(h.replies[0].canOpen).toBe(false); // the reply itself is shown (closed, not confidential), unlinked
  });

  it('tickets taken in through intake are found as duplicates at once', async () => {
    const content = '富溪镇富溪村村口的桥栏杆断了两根，小孩上学经过很危险，请尽快修复';
    const created = await agent.post('/api/v1/tickets', { content, divisionCode: fx.divisions.village3, contact: { phone: '13700000003' } });
    expect(created.status).toBe(201);
    const r = await agent.post('/api/v1/nlp/analyze', { content: `${content}！！`, divisionCode: fx.divisions.village3 });
    expect(r.body.duplicates).toHaveLength(1);
    expect(r.body.duplicates[0].similarity).toBeGreaterThan(0.9);
    // the same words about a bridge in another township (read from the text, no division given) are another matter
    const elsewhere = await agent.post('/api/v1/nlp/analyze', { content: content.replace('富溪镇富溪村', '双城镇城北社区') });
    expect(elsewhere.body.place).toMatchObject({ code: fx.divisions.village1 });
    expect(elsewhere.body.duplicates).toEqual([]);
    // … while a copy naming the same place, with no division given, is found
    const same = await agent.post('/api/v1/nlp/analyze', { content: `${content}。` });
    expect(same.body.duplicates).toHaveLength(1);
  });

  it('intake takes the place and the urgency from the text when the caller gave none', async () => {
    const created = await agent.post('/api/v1/tickets', { content: '柘荣县富溪镇前宅村有户人家燃气泄漏，闻到很浓的煤气味', contact: { phone: '13700000004' } });
    expect(created.status).toBe(201);
    const row = await t.deps.db.selectFrom('tickets').select(['division_code', 'urgency']).where('contact_phone', '=', '13700000004').executeTakeFirstOrThrow();
    expect(row).toEqual({ division_code: fx.divisions.village4, urgency: 'utility' }); // a gas leak is 水电气热 (with the 119 prompt)
    expect(created.body.callNow).toBe('119'); // the caller is told to call 119 now
    // staff's own urgency stands, and the number to call is still said
    const staffUrgent = await agent.post('/api/v1/tickets', { content: '楼下有人晕倒了，叫不醒', urgency: 'general', contact: { phone: '13700000005' } });
    expect([staffUrgent.status, staffUrgent.body.callNow]).toEqual([201, '120']);
    const calm = await agent.post('/api/v1/tickets', { content: '小区路灯坏了好几天', contact: { phone: '13700000006' } });
    expect(calm.body.callNow).toBeNull();
    // a grid worker's report that names no place is placed in the worker's own grid
    const grid = await login(app, 'grid', fx.password);
    const g = await grid.post('/api/v1/tickets', { channel: 'grid', content: '巷子里的路灯不亮了，晚上很黑', lat: 27.2207, lng: 119.94, contact: { phone: '13700000009' } });
    expect(g.status).toBe(201);
    const placed = await t.deps.db.selectFrom('tickets').select('division_code').where('id', '=', g.body.id).executeTakeFirstOrThrow();
    expect(placed.division_code).toBe(fx.divisions.village1);
    // the worker sees the contact they entered
    const mine = await grid.get(`/api/v1/tickets/${g.body.id}`);
    expect([mine.body.contactVisible, mine.body.contactPhone]).toEqual([true, '13700000009']);
    // 直办 (solved on the spot) must say what was done: that is the ticket's answer
    const bare = await grid.post('/api/v1/tickets', { channel: 'grid', content: '井盖松动', solvedOnSite: true, contact: { phone: '13700000009' } });
    expect(bare.status).toBe(400);
    const done = await grid.post('/api/v1/tickets', { channel: 'grid', content: '井盖松动', solvedOnSite: true, onSiteResult: '已现场固定井盖', contact: { phone: '13700000009' } });
    expect(done.status).toBe(201);
    expect((await grid.get(`/api/v1/tickets/${done.body.id}`)).body).toMatchObject({ status: 'closed', replyText: '已现场固定井盖' });
  });

  it('analyze refuses a division code the deployment does not have, and reads the place from the address field', async () => {
    const bad = await agent.post('/api/v1/nlp/analyze', { content: '路灯坏了', divisionCode: '110101' });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'unknown_division', message: { zh: expect.any(String), en: expect.any(String) } });
    const noPlace = (await agent.post('/api/v1/nlp/analyze', { content: '路灯坏了，晚上很黑' })).body;
    const addressed = (await agent.post('/api/v1/nlp/analyze', { content: '路灯坏了，晚上很黑', address: '柘荣县双城镇' })).body;
    expect([noPlace.place?.code ?? null, addressed.place?.code]).toEqual([null, fx.divisions.township1]);
    // the province of a city's deployment says no more than "somewhere here": the same units as no place
    const wages = { content: '公司拖欠农民工工资三个月了' };
    const province = (await agent.post('/api/v1/nlp/analyze', { ...wages, divisionCode: fx.divisions.province })).body;
    expect(province.units.length).toBeGreaterThan(0);
    expect(province.units).toEqual((await agent.post('/api/v1/nlp/analyze', wages)).body.units);
  });

  it('offers the category of the knowledge-base article the text matches when nothing named it', async () => {
    const b = (await agent.post('/api/v1/nlp/analyze', { content: '请问住房公积金怎么提取' })).body;
    expect(b.kb[0].title).toBe('住房公积金提取条件和办理渠道');
    expect(b.categories.map((c: { code: string }) => c.code)).toContain(fx.categories.wages);
    expect(b.categories.find((c: { code: string }) => c.code === fx.categories.wages)).toMatchObject({ keyword: '住房公积金' });
  });

  it('analyze reads urgency cues', async () => {
    const gas = (await agent.post('/api/v1/nlp/analyze', { content: '楼道里有很浓的煤气味，怀疑燃气泄漏' })).body;
    // a gas leak is a utility matter (水电气热) with fire and rescue's prompt (119); a knife fight
    // the police's (110), an injury the ambulance's (120)
    expect(gas.urgency).toMatchObject({ level: 'utility', transferTo: '119', suggest110: false });
    const fight = (await agent.post('/api/v1/nlp/analyze', { content: '楼下有人持刀打架，快来人' })).body;
    expect(fight.urgency).toMatchObject({ level: 'emergency', transferTo: '110', suggest110: true });
    const hurt = (await agent.post('/api/v1/nlp/analyze', { content: '工地脚手架倒了，有人受伤流了很多血' })).body;
    expect(hurt.urgency).toMatchObject({ level: 'emergency', transferTo: '120' });
    const wire = (await agent.post('/api/v1/nlp/analyze', { content: '小区门口电线掉落在路上' })).body;
    expect(wire.urgency).toMatchObject({ level: 'emergency', transferTo: null });
    const water = (await agent.post('/api/v1/nlp/analyze', { content: '柘荣县双城镇停水一天了' })).body;
    expect(water.urgency).toMatchObject({ level: 'utility', cue: '停水' });
    expect(water.place.code).toBe(fx.divisions.township1);
    const calm = (await agent.post('/api/v1/nlp/analyze', { content: '老人摔倒了，没有生命危险，想咨询医保报销' })).body;
    expect(calm.urgency.level).toBe('general');
  });

  it('analyze answers from the trained model once one is active', async () => {
    const noise = ['工地夜间施工噪音大', '广场舞音响太吵', '装修电钻噪音扰民', '酒吧音乐声音太大影响休息', '施工机械轰鸣睡不着', '夜里货车鸣笛很吵'];
    const wages = ['老板拖欠工资三个月', '农民工工资没有发', '公司不发加班费', '辞职后工资一直不结', '包工头欠薪跑路了', '工资被克扣了一半'];
    const model = trainClassifier([
      ...noise.map((text) => ({ text, label: fx.categories.environment })),
      ...wages.map((text) => ({ text, label: fx.categories.labour })),
    ]);
    await insertModel(t.deps.db, {
      kind: 'category', model, trainedOn: 12, activate: true,
      metrics: { labelNames: { [fx.categories.environment]: '环境保护', [fx.categories.labour]: '劳动和社会保障' } },
    });
    clearModelCache(t.deps.db);
    const b = (await agent.post('/api/v1/nlp/analyze', { content: '包工头拖欠我们工资', divisionCode: fx.divisions.village1 })).body;
    expect(b.source).toBe('model');
    // the model knows level 1 only; the fixture's keyword 工资 names the deeper 工资 category inside that branch
    expect(b.categories[0]).toMatchObject({ code: fx.categories.wages, name: '工资', keyword: '工资' });
    expect(b.categories.map((c: { code: string }) => c.code)).not.toContain(fx.categories.labour);
    // no unit model: the unit routing gives for the category in this place (rule: labour in the county → 县人社局)
    expect(b.units[0]).toMatchObject({ id: fx.units.renshe });

    // A unit model that learned the wrong thing (wages → 住建局) from a small history: below its
    // threshold it only follows the routed unit; once it reaches the threshold it leads.
    const unitModel = trainClassifier([
      ...noise.map((text) => ({ text, label: fx.units.chengguan })),
      ...wages.map((text) => ({ text, label: fx.units.zhujian })),
    ]);
    const names = { [fx.units.chengguan]: '县城管局', [fx.units.zhujian]: '县住建局' };
    await insertModel(t.deps.db, { kind: 'unit', model: unitModel, trainedOn: 12, activate: true, metrics: { labelNames: names, threshold: { threshold: 0.999 } } });
    clearModelCache(t.deps.db);
    const low = (await agent.post('/api/v1/nlp/analyze', { content: '包工头拖欠我们工资', divisionCode: fx.divisions.village1 })).body;
    // routing's unit first, then the model's (a candidate it gives < 5% is left out)
    const lowIds = low.units.map((u: { id: string }) => u.id);
    expect(lowIds.slice(0, 2)).toEqual([fx.units.renshe, fx.units.zhujian]);
    expect(lowIds.slice(2)).toEqual(low.units.length > 2 ? [fx.units.chengguan] : []);
    // no rule owns environment matters here: the default government (兜底) comes last, marked, after the model's units
    const unowned = (await agent.post('/api/v1/nlp/analyze', { content: noise[0], divisionCode: fx.divisions.village1 })).body;
    expect(unowned.categories[0].code).toBe(fx.categories.constructionNoise); // 施工噪声 by its keywords, inside 环境保护
    // (县住建局, which the model gives next to no chance for a noise complaint, is not offered)
    expect(unowned.units.map((u: { id: string; confidence: number }) => u.id)).toEqual([fx.units.chengguan, fx.units.countyGov]);
    expect(unowned.units[1]).toMatchObject({ fallback: true });
    expect(unowned.units[1].confidence).toBeLessThanOrEqual(unowned.units[0].confidence);
    expect(unowned.units[0].fallback).toBeUndefined();
    await insertModel(t.deps.db, { kind: 'unit', model: unitModel, trainedOn: 12, activate: true, metrics: { labelNames: names, threshold: { threshold: 0.05 } } });
    clearModelCache(t.deps.db);
    const high = (await agent.post('/api/v1/nlp/analyze', { content: '包工头拖欠我们工资', divisionCode: fx.divisions.village1 })).body;
    expect(high.units[0]).toMatchObject({ id: fx.units.zhujian, name: '县住建局' });
    expect(high.units.map((u: { id: string }) => u.id)).not.toContain(fx.units.renshe);
    // …unless the category is confident too and a rule names its unit: intake would route it by
    // that rule, so the first suggestion says what intake does, and the model's unit follows
    await insertModel(t.deps.db, {
      kind: 'category', model, trainedOn: 12, activate: true,
      metrics: { labelNames: { [fx.categories.environment]: '环境保护', [fx.categories.labour]: '劳动和社会保障' }, threshold: { threshold: 0.05 } },
    });
    clearModelCache(t.deps.db);
    const ruled = (await agent.post('/api/v1/nlp/analyze', { content: '包工头拖欠我们工资', divisionCode: fx.divisions.village1 })).body;
    expect(ruled.units.map((u: { id: string }) => u.id).slice(0, 2)).toEqual([fx.units.renshe, fx.units.zhujian]);
    // a unit model that knows which branches each unit handled: 住建局 never handled labour, so it is
    // not offered for a clear labour matter (it stays offered while the category is unsure)
    await insertModel(t.deps.db, {
      kind: 'unit', model: unitModel, trainedOn: 12, activate: true,
      metrics: { labelNames: names, threshold: { threshold: 0.05 }, unitBranches: { [fx.units.zhujian]: [fx.categories.construction], [fx.units.chengguan]: [fx.categories.environment] } },
    });
    clearModelCache(t.deps.db);
    const branch = (await agent.post('/api/v1/nlp/analyze', { content: '包工头拖欠我们工资', divisionCode: fx.divisions.village1 })).body;
    expect(branch.units.map((u: { id: string }) => u.id)).toEqual([fx.units.renshe]);
    await t.deps.db.deleteFrom('nlp_models').execute();
    clearModelCache(t.deps.db);
  });

  it('suggests categories and units for a page of the dispatch queue in one call, leaving out units already tried', async () => {
    const dispatcher = await login(app, 'dispatcher', fx.password);
    const wage = { title: '拖欠工资', content: '包工头拖欠我们工资三个月了，一直不给', division_code: fx.divisions.village1, status: 'received' as const };
    const fresh = await insertTestTicket(t.deps.db, wage);
    const bounced = await insertTestTicket(t.deps.db, { ...wage, status: 'returned' });
    await t.deps.db.insertInto('ticket_units').values({ ticket_id: bounced, unit_id: fx.units.renshe, role: 'former' }).execute();
    for (const id of [fresh, bounced]) await indexTicketText(t.deps.db, id, `${wage.title} ${wage.content}`);
    const missing = randomUUID();
    const r = await dispatcher.post('/api/v1/nlp/dispatch-suggestions', { ticketIds: [fresh, missing, bounced, fresh] });
    expect(r.status).toBe(200);
    // in the order asked, once each; an id that names no ticket is left out
    expect(r.body.items.map((i: { ticketId: string }) => i.ticketId)).toEqual([fresh, bounced]);
    const [a, b] = r.body.items;
    // the whole text (not only the title) and the place: the labour rule's unit for wages in the county
    expect(a.categories[0].code.startsWith(fx.categories.labour)).toBe(true);
    expect(a.categories.length).toBeLessThanOrEqual(3);
    expect(a.units[0].id).toBe(fx.units.renshe);
    expect(a.units.length).toBeLessThanOrEqual(3);
    // the unit it was already with is not suggested again (with no model, routing named only it):
    // the place's own authorities are, nearest first (属地: the township, then the county)
    expect(b.units.map((u: { id: string }) => u.id)).toEqual([fx.units.township1, fx.units.countyGov]);
    expect(b.units[0]).toMatchObject({ local: true, confidence: 0 });
    expect(b.categories[0].code).toBe(a.categories[0].code);
    // the text names no place: the ticket's division is the place shown (as analyze shows it)
    expect(a.place).toMatchObject({ code: fx.divisions.village1 });
    // the two tell the same matter in the same place: each is the other's 并案 candidate
    expect(a.duplicates.map((d: { id: string }) => d.id)).toContain(bounced);
    expect(b.duplicates.map((d: { id: string }) => d.id)).toContain(fresh);
    expect(a.duplicates.map((d: { id: string }) => d.id)).not.toContain(fresh);
    // the centre only; ids are checked, and a page at most
    expect((await handler.post('/api/v1/nlp/dispatch-suggestions', { ticketIds: [fresh] })).status).toBe(403);
    expect((await dispatcher.post('/api/v1/nlp/dispatch-suggestions', { ticketIds: ['nope'] })).status).toBe(400);
    expect((await dispatcher.post('/api/v1/nlp/dispatch-suggestions', { ticketIds: [] })).status).toBe(400);
    expect((await dispatcher.post('/api/v1/nlp/dispatch-suggestions', { ticketIds: Array.from({ length: 101 }, () => randomUUID()) })).status).toBe(400);
    await t.deps.db.deleteFrom('ticket_units').where('ticket_id', 'in', [fresh, bounced]).execute();
    await t.deps.db.deleteFrom('tickets').where('id', 'in', [fresh, bounced]).execute();
  });

  it('suggests replies only for tickets the caller may see', async () => {
    const ok = await agent.get(`/api/v1/nlp/reply-suggestions?ticketId=${noiseId}`);
    expect(ok.status).toBe(200);
    expect(ok.body.items[0].replyText).toContain('停止施工');
    // the same answer given to another similar ticket (beforeAll) is not suggested twice
    const again = ok;
    const texts = again.body.items.map((i: { replyText: string }) => i.replyText);
    expect(texts.filter((x: string) => x.includes('停止施工'))).toHaveLength(1);
    // the centre may open every suggested ticket; a scope that holds none of them links none
    expect(ok.body.items.map((i: { canOpen: boolean }) => i.canOpen)).toEqual(ok.body.items.map(() => true));
    const items = ok.body.items as { ticketId: string }[];
    expect((await markOpenable(t.deps, { kind: 'unit', path: '/no-such-unit/' }, items)).map((i) => i.canOpen)).toEqual(items.map(() => false));
    expect((await markOpenable(t.deps, { kind: 'division', path: '/' }, items)).map((i) => i.canOpen)).toEqual(items.map(() => true));
    expect((await handler.get(`/api/v1/nlp/reply-suggestions?ticketId=${noiseId}`)).status).toBe(404);
    expect((await agent.get(`/api/v1/nlp/reply-suggestions?ticketId=${randomUUID()}`)).status).toBe(404);
    expect((await agent.get('/api/v1/nlp/reply-suggestions?ticketId=nope')).status).toBe(400);
  });

  it('lists hotspots for supervisors and turns one into a proactive case', async () => {
    expect((await agent.get('/api/v1/hotspots')).status).toBe(403);
    // praise, however many say it, is no problem to take up
    const PRAISE = [
      '表扬城南社区保洁员王师傅，每天天不亮就把街道打扫得干干净净，风雨无阻',
      '城南社区的保洁员王师傅工作认真负责，垃圾桶周边总是很整洁，特此表扬',
      '感谢城南社区保洁员王师傅，主动帮老人把垃圾拎下楼，街道卫生越来越好',
      '为城南社区保洁王师傅点赞，下雨天也坚持清扫落叶，居民都很感动',
    ];
    for (const [i, content] of PRAISE.entries()) {
      await insertTestTicket(t.deps.db, {
        title: '表扬城南社区保洁员王师傅', content, request_type: 'praise',
        division_code: fx.divisions.village2, received_at: new Date(t.deps.now().getTime() - (i + 2) * 86400_000),
      });
    }
    const r = await supervisor.get(`/api/v1/hotspots?divisionCode=${fx.divisions.county}`);
    expect(r.status).toBe(200);
    expect(r.body.items.some((h: { title: string }) => h.title.includes('表扬'))).toBe(false);
    const read = await ticketsForHotspots(t.deps.db, { path: null, from: new Date(t.deps.now().getTime() - 30 * 86400_000), to: t.deps.now(), limit: 1000 });
    expect(read.length).toBeGreaterThan(HOT.length);
    expect(read.some((x) => x.title.includes('表扬'))).toBe(false);
    const top = r.body.items[0];
    expect(top.size).toBe(HOT.length);
    expect(top.title).toContain('垃圾');
    expect(top.place).toBe(fx.divisions.county);
    // each member says which unit it is with (the 立案 form proposes the usual one as lead)
    expect(top.members[0]).toHaveProperty('leadUnitId');
    expect(top.members[0]).toHaveProperty('leadUnitName');
    expect((await supervisor.get('/api/v1/hotspots?divisionCode=999999')).status).toBe(422);

    // a case placed where its tickets are not is a mistake in the request, not a lack of rights
    const misplaced = await supervisor.post('/api/v1/hotspots/cases', { title: top.title, ticketIds: top.members.map((m: { id: string }) => m.id), divisionCode: fx.divisions.village2 });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.error.detail).toContain('divisionCode');
    const c = await supervisor.post('/api/v1/hotspots/cases', {
      title: top.title, ticketIds: top.members.map((m: { id: string }) => m.id), divisionCode: fx.divisions.village1, note: '未诉先办',
    });
    expect(c.status).toBe(200);
    expect(c.body.members).toHaveLength(HOT.length);
    // Every member ticket now shows, on its own chained timeline, that it follows the case.
    for (const m of c.body.members as { id: string }[]) {
      const tk = await supervisor.get(`/api/v1/tickets/${m.id}`);
      const joined = (tk.body.events as { action: string; note: string | null; public: boolean }[]).filter((e) => e.action === 'case_join');
      expect(joined).toHaveLength(1);
      expect(joined[0]).toMatchObject({ public: true, note: `纳入主动治理案件「${top.title}」，限 ${shanghaiDay(c.body.dueAt)} 前办结` });
    }
    expect((await verifyChains(t.deps)).problems).toEqual([]);
    const list = await supervisor.get('/api/v1/hotspots/cases');
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].memberCount).toBe(HOT.length);
    // the hotspot now says it is a case, and the same tickets are not made a case twice
    const again = await supervisor.get(`/api/v1/hotspots?divisionCode=${fx.divisions.county}`);
    expect(again.body.items[0].case).toMatchObject({ id: c.body.id, status: 'open' });
    expect(again.body.items.slice(1).every((h: { case: unknown }) => h.case === null)).toBe(true);
    const backwards = await supervisor.post('/api/v1/hotspots/cases', { title: top.title, ticketIds: top.members.map((m: { id: string }) => m.id), from: '2026-06-02T00:00:00Z', to: '2026-06-01T00:00:00Z' });
    expect(backwards.status).toBe(400);
    const twice = await supervisor.post('/api/v1/hotspots/cases', { title: top.title, ticketIds: top.members.map((m: { id: string }) => m.id) });
    expect(twice.status).toBe(409);
    expect(top.placeName).toBe('柘荣县');
    expect(twice.body.error.details).toMatchObject({ caseId: expect.any(String), title: expect.any(String) });
    const one = await supervisor.get(`/api/v1/hotspots/cases/${c.body.id}`);
    expect(one.body.members.map((m: { id: string }) => m.id).sort()).toEqual(top.members.map((m: { id: string }) => m.id).sort());
    const bad = await supervisor.post('/api/v1/hotspots/cases', { title: 'x', ticketIds: [randomUUID()] });
    expect(bad.status).toBe(404);
    expect((await supervisor.post('/api/v1/hotspots/cases', { title: 'x', ticketIds: [] })).status).toBe(400);
    expect((await supervisor.get('/api/v1/hotspots?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z')).status).toBe(400);
    expect((await supervisor.get(`/api/v1/hotspots/cases/${randomUUID()}`)).status).toBe(404);
  });

  it('a proactive case\'s progress and result reach every member ticket, citizen-visible', async () => {
    const list = await supervisor.get('/api/v1/hotspots/cases');
    const id = list.body.items[0].id as string;
    expect(list.body.items[0]).toMatchObject({ status: 'open', result: null, closedAt: null, progressCount: 0 });
    expect((await agent.post(`/api/v1/hotspots/cases/${id}/progress`, { note: 'x' })).status).toBe(403);
    expect((await supervisor.post(`/api/v1/hotspots/cases/${id}/progress`, { note: '   ' })).status).toBe(400);
    expect((await supervisor.post(`/api/v1/hotspots/cases/${randomUUID()}/progress`, { note: '已约谈' })).status).toBe(404);

    const p = await supervisor.post(`/api/v1/hotspots/cases/${id}/progress`, { note: '已约谈环卫公司，增加清运频次' });
    expect(p.status).toBe(200);
    expect(p.body.progressCount).toBe(1);
    const done = await supervisor.post(`/api/v1/hotspots/cases/${id}/close`, { result: '垃圾站已改为每日两次清运，并加装除臭设备' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'closed', result: '垃圾站已改为每日两次清运，并加装除臭设备', progressCount: 1 });
    expect(done.body.closedAt).toBeTruthy();
    // closed is final: no second result, no more progress
    expect((await supervisor.post(`/api/v1/hotspots/cases/${id}/close`, { result: '再次办结' })).status).toBe(409);
    expect((await supervisor.post(`/api/v1/hotspots/cases/${id}/progress`, { note: '补充' })).status).toBe(409);

    const title = done.body.title as string;
    for (const m of done.body.members as { id: string; number: string }[]) {
      const tk = await supervisor.get(`/api/v1/tickets/${m.id}`);
      const steps = (tk.body.events as { action: string; note: string | null; public: boolean }[]).filter((e) => e.action.startsWith('case_'));
      expect(steps.map((e) => [e.action, e.public, e.note])).toEqual([
        ['case_join', true, `纳入主动治理案件「${title}」，限 ${shanghaiDay(done.body.dueAt)} 前办结`],
        ['case_progress', true, `主动治理案件「${title}」进展：已约谈环卫公司，增加清运频次`],
        ['case_close', true, `主动治理案件「${title}」已办结：垃圾站已改为每日两次清运，并加装除臭设备`],
      ]);
      // the member keeps its own lifecycle: the case does not answer it in its unit's name
      expect(tk.body.status).toBe('dispatched'); // as inserted
    }
    // the citizen tracking a member ticket sees the result
    const first = (done.body.members as { id: string }[])[0];
    const row = await t.deps.db.selectFrom('tickets').select(['number', 'contact_phone']).where('id', '=', first.id).executeTakeFirstOrThrow();
    const track = await apiAs(app).get(`/api/v1/track/${row.number}?phone=${row.contact_phone!.slice(-4)}`);
    expect(track.status).toBe(200);
    expect(JSON.stringify(track.body.events)).toContain('已办结：垃圾站已改为每日两次清运');
    expect((await verifyChains(t.deps)).problems).toEqual([]);
  });

  it('a case led by a unit: the unit sees it and records progress, the centre closes it; past its deadline it is overdue', async () => {
    const hot = (await supervisor.get(`/api/v1/hotspots?divisionCode=${fx.divisions.county}`)).body.items[0];
    const ticketIds = hot.members.map((m: { id: string }) => m.id);
    expect((await supervisor.post('/api/v1/hotspots/cases', { title: '垃圾站', ticketIds, leadUnitId: randomUUID() })).status).toBe(422);
    expect((await supervisor.post('/api/v1/hotspots/cases', { title: '垃圾站', ticketIds, dueWorkingDays: 0 })).status).toBe(400);
    const made = await supervisor.post('/api/v1/hotspots/cases', { title: '翠屏花园垃圾站', ticketIds, leadUnitId: fx.units.chengguan, dueWorkingDays: 3 });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ leadUnitId: fx.units.chengguan, leadUnitName: "柘荣县城市管理局", overdue: false, status: 'open' });
    const due = new Date(made.body.dueAt).getTime();
    const now = t.deps.now().getTime();
    expect(due - now).toBeGreaterThanOrEqual(3 * 86400_000); // 3 working days: at least 3 calendar days
    expect(due - now).toBeLessThanOrEqual(12 * 86400_000);
    const tk = await supervisor.get(`/api/v1/tickets/${ticketIds[0]}`);
    const join = (tk.body.events as { action: string; note: string; data?: { caseId?: string } }[]).filter((e) => e.action === 'case_join').at(-1)!;
    expect(join.note).toBe(`纳入主动治理案件「翠屏花园垃圾站」，牵头单位：柘荣县城市管理局，限 ${shanghaiDay(made.body.dueAt)} 前办结`);

    const [cg, zj] = await Promise.all([login(app, 'chengguan', fx.password), login(app, 'zhujian', fx.password)]);
    // the lead unit sees only the cases it leads; another unit sees none of them
    const mine = await cg.get('/api/v1/hotspots/cases');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([made.body.id]);
    expect((await zj.get('/api/v1/hotspots/cases')).body.total).toBe(0);
    expect((await zj.get(`/api/v1/hotspots/cases/${made.body.id}`)).status).toBe(404);
    expect((await zj.post(`/api/v1/hotspots/cases/${made.body.id}/progress`, { note: '我们来办' })).status).toBe(404);
    expect((await cg.get('/api/v1/hotspots')).status).toBe(403); // making cases stays with the centre
    // the lead unit opens the member tickets of its case, but acting on them stays with their own units
    const member = await cg.get(`/api/v1/tickets/${ticketIds[0]}`);
    expect(member.status).toBe(200);
    expect(member.body.allowedActions.filter((a: string) => ['sign', 'reply', 'return', 'progress'].includes(a))).toEqual([]);
    expect(member.body.contactVisible).toBe(false);
    const p = await cg.post(`/api/v1/hotspots/cases/${made.body.id}/progress`, { note: '已增派清运车辆' });
    expect(p.status).toBe(200);
    expect(p.body.progressCount).toBe(1);
    // acceptance (办结) is the centre's
    expect((await cg.post(`/api/v1/hotspots/cases/${made.body.id}/close`, { result: '已清运' })).status).toBe(403);

    t.clock.advanceHours(24 * 14);
    const late = (await supervisor.get('/api/v1/hotspots/cases')).body.items.find((c: { id: string }) => c.id === made.body.id);
    expect(late.overdue).toBe(true);
    const closed = await supervisor.post(`/api/v1/hotspots/cases/${made.body.id}/close`, { result: '已改为每日清运' });
    expect(closed.body).toMatchObject({ status: 'closed', overdue: false });
    expect((await verifyChains(t.deps)).problems).toEqual([]);
  });
});
