// Admin keywords for categories no model has learned: the matching itself, how analyze ranks the
// category, and intake auto-dispatching by it inside the branch the model is sure of.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { seedTestFixture, type Fixture } from '../test/fixture.ts';
import { apiAs, login, type Api } from '../test/api.ts';
import { trainClassifier } from './classifier/train.ts';
import { clearModelCache } from './classifier/active-model.ts';
import { withKeywordRule } from './classifier/predictor.ts';
import { insertModel } from './models.repo.ts';
import { unlearnedKeywordHit } from './keyword-rule.ts';
import type { CategoryRow } from './analyze-rules.ts';

const cat = (code: string, name: string, parent: string | null, keywords: string): CategoryRow => ({ code, name, level: code.length / 2, parent_code: parent, keywords });
const CATS = [
  cat('02', '城市管理', null, ''),
  cat('0203', '市政设施', '02', '市政'),
  cat('020303', '井盖缺失', '0203', '井盖 下水道'),
  cat('020399', '窨井盖', '0203', '窨井盖松动 井盖异响'),
  cat('0205', '工地', '02', '工地'),
  cat('020501', '工地扬尘', '0205', '扬尘 工地'),
  cat('020502', '工地噪音', '0205', '噪音 工地'),
  cat('05', '环境保护', null, ''),
  cat('0501', '噪声', '05', '噪音'),
];

describe('unlearnedKeywordHit', () => {
  const learned = new Set(['02', '05', '0501']);
  it('takes the longest keyword of a category no model knows', () => {
    expect(unlearnedKeywordHit('解放路口的窨井盖松动，车一过就响', CATS, learned)).toMatchObject({ code: '020399', keyword: '窨井盖松动', levelOne: '02' });
    expect(unlearnedKeywordHit('路口井盖不见了', CATS, learned)).toMatchObject({ code: '020303', keyword: '井盖' });
  });
  it('ignores learned categories and refuses a tie between two categories', () => {
    expect(unlearnedKeywordHit('晚上噪音很大', CATS, learned)?.code).toBe('020502'); // 0501 is learned
    expect(unlearnedKeywordHit('工地上的事', CATS, learned)).toBeNull(); // 020501 and 020502 tie on 工地
    expect(unlearnedKeywordHit('工地扬尘很大', CATS, learned)?.code).toBe('020501');
    expect(unlearnedKeywordHit('窨井盖松动', CATS, new Set([...learned, '020399']))?.code).toBe('020303'); // learned now: 井盖 of the other
    expect(unlearnedKeywordHit('你好', CATS, learned)).toBeNull();
  });
  it('does not take the writer\'s own details for the matter (身份证3509… is no ID-card request)', () => {
    const withId = [...CATS, cat('11', '公安政法', null, ''), cat('1101', '户籍', '11', ''), cat('110102', '身份证办理', '1101', '身份证 补办身份证')];
    const l = new Set([...learned, '11']);
    expect(unlearnedKeywordHit('我叫王建国,身份证350926198001011234,电话13905931234,楼道灯坏了请修理', withId, l)).toBeNull();
    expect(unlearnedKeywordHit('身份证丢了怎么补办', withId, l)?.code).toBe('110102');
  });
  it('ranks the keyword category first inside the model\'s branch, after the model\'s candidates outside it', () => {
    const learnedSet = new Set(['02', '05']);
    const model = [{ code: '0203', name: '市政设施', confidence: 0.9 }, { code: '05', name: '环境保护', confidence: 0.05 }];
    expect(withKeywordRule(model, '窨井盖松动了', CATS, learnedSet)).toEqual([
      { code: '020399', name: '窨井盖', confidence: 0.9, keyword: '窨井盖松动' }, { code: '05', name: '环境保护', confidence: 0.05 },
    ]);
    // a learned deeper answer stands against an older sibling's keyword, not against a new one's
    const detail = [{ code: '020303', name: '井盖缺失', confidence: 0.9 }];
    expect(withKeywordRule(detail, '井盖异响', CATS, new Set(['02', '020303'])).map((c) => c.code)).toEqual(['020303', '020399']);
    const fresh = CATS.map((c) => (c.code === '020399' ? { ...c, keywords_at: new Date('2026-06-01') } : c));
    expect(withKeywordRule(detail, '井盖异响', fresh, new Set(['02', '020303']), new Date('2026-05-01'))[0]).toMatchObject({ code: '020399', keyword: '井盖异响' });
    // an ancestor of the model's answer says less than the model: ignored
    expect(withKeywordRule(detail, '市政设施的井盖', CATS, new Set(['02', '020303']))).toEqual(detail);
    const other = [{ code: '05', name: '环境保护', confidence: 0.8 }, { code: '02', name: '城市管理', confidence: 0.2 }];
    expect(withKeywordRule(other, '窨井盖松动了', CATS, learnedSet).map((c) => [c.code, c.confidence])).toEqual([['05', 0.8], ['02', 0.2], ['020399', 0]]);
  });
});

describe.each(DB_KINDS)('a new category\'s keywords route new tickets on %s', (kind) => {
  let t: TestDb;
  let fx: Fixture;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let admin: Api, agent: Api, anon: Api;

  beforeAll(async () => {
    t = await createTestDb(kind);
    fx = await seedTestFixture(t.deps);
    app = await buildApp(t.deps, { logger: false, web: false });
    [admin, agent] = await Promise.all([login(app, 'admin', fx.password), login(app, 'agent', fx.password)]);
    anon = apiAs(app);
    const labour = ['老板拖欠工资三个月', '农民工工资没有发', '公司不发加班费', '辞职后工资一直不结', '包工头欠薪跑路了', '工资被克扣了一半'];
    const city = ['路灯不亮了', '路边占道摆摊', '小广告贴满墙', '井盖丢了很危险', '垃圾没人清运', '人行道砖松了'];
    const model = trainClassifier([...labour.map((text) => ({ text, label: fx.categories.labour })), ...city.map((text) => ({ text, label: fx.categories.cityMgmt }))]);
    await insertModel(t.deps.db, {
      kind: 'category', model, trainedOn: 12, activate: true,
      metrics: { labelNames: { [fx.categories.labour]: '劳动和社会保障', [fx.categories.cityMgmt]: '城市管理' }, threshold: { threshold: 0.5 } },
    });
    clearModelCache(t.deps.db);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('an admin adds a category with keywords and a rule: the next citizen ticket with the keyword follows it', async () => {
    const created = await admin.post('/api/v1/admin/categories', { name: '窨井盖', parentCode: fx.categories.cityMgmt, keywords: '窨井盖松动 井盖异响' });
    expect(created.status).toBe(201);
    const code = created.body.code as string;
    const rule = await admin.post('/api/v1/admin/routing-rules', { categoryCode: code, divisionCode: fx.divisions.county, leadUnitId: fx.units.zhujian });
    expect(rule.status).toBe(201);
    // the category list is re-read at most 30 s later; a new process sees it at once
    const app2 = await buildApp(t.deps, { logger: false, web: false });
    try {
      const citizen = apiAs(app2);
      const a = (await login(app2, 'agent', fx.password));
      const text = '双城镇解放路口的窨井盖松动，车一过就哐哐响，晚上很吵';
      const analysis = (await a.post('/api/v1/nlp/analyze', { content: text, divisionCode: fx.divisions.village1 })).body;
      expect(analysis.categories[0]).toMatchObject({ code, name: '窨井盖', keyword: '窨井盖松动' });
      expect(analysis.units[0]).toMatchObject({ id: fx.units.zhujian });

      const res = await citizen.post('/api/v1/tickets', { content: text, divisionCode: fx.divisions.village1, contact: { phone: '13912345678' } });
      expect(res.status).toBe(201);
      const tk = (await a.get(`/api/v1/tickets/${res.body.id}`)).body;
      expect(tk).toMatchObject({ status: 'dispatched', categoryCode: code, leadUnitId: fx.units.zhujian });
      const ev = tk.events.find((e: { action: string }) => e.action === 'auto_dispatch');
      expect(ev.data).toMatchObject({ keyword: '窨井盖松动' });

      // without the keyword the model's own decision stands (城市管理 → 县城管局)
      const plain = await citizen.post('/api/v1/tickets', { content: '解放路的路灯不亮了好几天', divisionCode: fx.divisions.village1, contact: { phone: '13912345679' } });
      const p = (await a.get(`/api/v1/tickets/${plain.body.id}`)).body;
      expect(p).toMatchObject({ categoryCode: fx.categories.cityMgmt, leadUnitId: fx.units.chengguan });
    } finally {
      await app2.close();
    }
  });

  it('a keyword of a category in another branch than the model decided is offered, not applied', async () => {
    const text = '包工头拖欠工资，还说窨井盖松动的事不归他管';
    const analysis = (await agent.post('/api/v1/nlp/analyze', { content: text, divisionCode: fx.divisions.village1 })).body;
    expect(analysis.categories[0].code).not.toBe(fx.categories.cityMgmt);
    void anon;
  });
});
