import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, DB_KINDS, type TestDb } from '../test/harness.ts';
import { activateModel, getModel, insertModel, listModels } from './models.repo.ts';
import { activeModel } from './classifier/active-model.ts';
import { trainClassifier } from './classifier/train.ts';
import { retrainFromDb } from './classifier/train-from-db.ts';
import { autoDispatchDecision, classifierPredictor } from './classifier/predictor.ts';
import { HELD_OUT, TRAIN } from './classifier/fixtures.test-data.ts';
import { installClassifier } from './classifier/install.ts';
import { intakeHooks } from '../tickets/intake-hooks.ts';
import { classify } from './classifier/model.ts';
import { loadDeploymentDictionary } from './classifier/dictionary.ts';
import { segment, UserDictionary } from './segment.ts';
import { countClosedTickets } from './models.repo.ts';
import { retrainIfGrown } from './classifier/jobs.ts';
import { buildRegistry } from '../jobs/definitions.ts';

const small = trainClassifier(TRAIN.map((r) => ({ text: [r.title, r.body], label: r.label })), { cvFolds: 0 });

// categories: 城建 (water, noise below it) and 交通/教育 at level 1 only
const CATS = [
  { code: 'C1', name: '城乡建设', level: 1, parent_code: null },
  { code: 'C1.1', name: '供水', level: 2, parent_code: 'C1' },
  { code: 'C1.2', name: '噪音', level: 2, parent_code: 'C1' },
  { code: 'C2', name: '交通运输', level: 1, parent_code: null },
  { code: 'C3', name: '教育文体', level: 1, parent_code: null },
];
const CAT_OF: Record<string, string> = { water: 'C1.1', noise: 'C1.2', traffic: 'C2', education: 'C3' };
const UNIT_OF: Record<string, string> = { water: 'U-water', noise: 'U-env', traffic: 'U-traffic', education: 'U-edu' };

describe.each(DB_KINDS)('nlp model store (%s)', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores versions per kind and keeps exactly one active', async () => {
    const v1 = await insertModel(t.db, { kind: 'test', model: small, metrics: { a: 1 }, trainedOn: 44, activate: true });
    const v2 = await insertModel(t.db, { kind: 'test', model: small, metrics: { a: 2 }, trainedOn: 45, activate: true });
    const other = await insertModel(t.db, { kind: 'other', model: small, metrics: {}, trainedOn: 1, activate: false });
    expect([v1.version, v2.version, other.version]).toEqual([1, 2, 1]);
    const active = await getModel(t.db, 'test');
    expect(active?.version).toBe(2);
    expect(active?.metrics).toEqual({ a: 2 });
    expect(active?.trainedOn).toBe(45);
    expect(active?.model).toEqual(JSON.parse(JSON.stringify(small)));
    expect((await listModels(t.db, 'test')).filter((m) => m.active).map((m) => m.version)).toEqual([2]);
    expect(await getModel(t.db, 'other')).toBeNull();
    expect(await activateModel(t.db, 'test', 1)).toBe(true);
    expect(await activateModel(t.db, 'test', 9)).toBe(false);
    expect((await getModel(t.db, 'test'))?.version).toBe(1);
  });

  it('caches the active model per process and notices a new version', async () => {
    const a = await activeModel(t.deps, 'test', 0);
    expect(a?.version).toBe(1);
    expect(await activeModel(t.deps, 'test', 60_000)).toBe(a); // cached object
    await insertModel(t.db, { kind: 'test', model: small, metrics: {}, trainedOn: 50, activate: true });
    expect((await activeModel(t.deps, 'test', 60_000))?.version).toBe(1); // within the recheck interval
    expect((await activeModel(t.deps, 'test', 0))?.version).toBe(3);
    expect(await activeModel(t.deps, 'none', 0)).toBeNull();
  });

  it('retrains from closed tickets with final category and unit, and serves predictions', async () => {
    await t.db.insertInto('categories').values(CATS).execute();
    for (const [label, code] of Object.entries(UNIT_OF)) {
      await t.db.insertInto('units').values({ code, name: `${label}单位`, kind: 'department' }).execute();
    }
    const units = new Map((await t.db.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
    let n = 0;
    const ticket = (r: { title: string; body: string; label: string }, status: string, redispatchedFrom?: string) => ({
      number: `T${String(++n).padStart(5, '0')}`,
      channel: 'hotline',
      request_type: r.label === 'education' ? 'consult' : 'complaint',
      urgency: 'general',
      title: r.title,
      content: r.body,
      status,
      received_at: new Date('2026-01-05T02:00:00Z'),
      closed_at: status === 'closed' ? new Date('2026-01-09T02:00:00Z') : null,
      category_code: CAT_OF[r.label],
      // the final lead unit is what counts, whatever it was first sent to
      lead_unit_id: units.get(UNIT_OF[r.label])!,
      redispatch_count: redispatchedFrom ? 1 : 0,
    });
    await t.db.insertInto('tickets').values(TRAIN.map((r, i) => ticket(r, 'closed', i % 5 === 0 ? 'U-edu' : undefined))).execute();
    // open tickets are not training data
    await t.db.insertInto('tickets').values([ticket({ ...TRAIN[0], label: 'education' }, 'handling')]).execute();

    const results = await retrainFromDb(t.deps, { minExamples: 20, minPerClass: 5, train: { cvFolds: 4, minSupport: 5 } });
    const byKind = Object.fromEntries(results.map((r) => [r.kind, r]));
    expect(byKind.category).toMatchObject({ examples: TRAIN.length, classes: 3 });
    expect(byKind.category_detail).toMatchObject({ examples: TRAIN.length, classes: 4 });
    expect(byKind.unit).toMatchObject({ examples: TRAIN.length, classes: 4 });
    expect(byKind.request_type).toMatchObject({ classes: 2 });
    for (const r of results) expect(r.version).toBe(1);

    const cat = await activeModel(t.deps, 'category', 0);
    expect(cat?.model.labels).toEqual(['C1', 'C2', 'C3']);
    expect((cat?.metrics.labelNames as Record<string, string>).C2).toBe('交通运输');

    const water = HELD_OUT[0];
    const p = await classifierPredictor(t.deps, `${water.title} ${water.body}`);
    expect(p?.categories[0]).toMatchObject({ code: 'C1.1', name: '供水' });
    // the deeper category stands for its parent, which is not listed beside it
    expect(p?.categories.map((c) => c.code)).not.toContain('C1');
    expect(p?.units?.[0].id).toBe(units.get('U-water'));
    expect(p?.units?.[0].name).toBe('water单位');
    expect(p?.terms.length).toBeGreaterThan(0);
    // trained on title and content as two fields: the title's own n-grams are features, and
    // analysis given the title reads them (the joined text alone gives other scores)
    expect(cat!.model.vocab.terms.some((x) => x.startsWith('t:'))).toBe(true);
    const withTitle = await classifierPredictor(t.deps, `${water.title} ${water.body}`, water.title);
    const unitModel = (await activeModel(t.deps, 'unit', 0))!.model;
    // the unit model records which level-1 branches each unit handled (for analysis to leave out a
    // unit that never handled the matter's branch)
    expect((await activeModel(t.deps, 'unit', 0))!.metrics.unitBranches).toEqual({
      [units.get('U-water')!]: ['C1'], [units.get('U-env')!]: ['C1'], [units.get('U-traffic')!]: ['C2'], [units.get('U-edu')!]: ['C3'],
    });
    expect(withTitle?.units?.[0].confidence).toBe(Math.round(classify(unitModel, [water.title, water.body], 1, 0).confidence * 1000) / 1000);
    expect(classify(cat!.model, [water.title, water.body], 1, 0).confidence).not.toBe(classify(cat!.model, `${water.title} ${water.body}`, 1, 0).confidence);

    const d = await autoDispatchDecision(t.deps, `${water.title} ${water.body}`);
    expect(d?.candidates[0].unitId).toBe(units.get('U-water'));
    expect(d?.candidates).toHaveLength(3);
    expect(d?.auto).toBe(d!.threshold !== null && d!.confidence >= d!.threshold);

    // intake: a confident category becomes autoCategory (dispatched by rule with no human)
    installClassifier();
    const th = (cat!.metrics.threshold as { threshold: number | null }).threshold;
    expect(th).not.toBeNull();
    const input = { title: water.title, content: water.body } as Parameters<typeof intakeHooks.analyze>[1];
    const hints = await intakeHooks.analyze(t.deps, input, { category: true });
    // intake reads the title as a field of its own, as the models were trained
    const conf = classify(cat!.model, [water.title, water.body], 1, 0).confidence;
    // … and the deeper category (C1.1 供水) when the detail model is as sure and agrees, as analyze shows it
    const detail = await activeModel(t.deps, 'category_detail', 0);
    const dth = (detail!.metrics.threshold as { threshold: number | null }).threshold;
    const dConf = classify(detail!.model, [water.title, water.body], 1, 0);
    const deeper = dth !== null && dConf.confidence >= dth && dConf.label === 'C1.1';
    if (conf >= th!) expect(hints.autoCategory).toMatchObject({ code: deeper ? 'C1.1' : 'C1' });
    else expect(hints.autoCategory).toBeUndefined();
    expect(conf >= th! && deeper).toBe(true); // the fixture is clear enough that both decide
    const vague = await intakeHooks.analyze(t.deps, { content: '你好' } as typeof input, { category: true });
    expect(vague.autoCategory).toBeUndefined();
    // the same clear text with danger to life in it: a person decides whether 110 takes it
    const danger = await intakeHooks.analyze(t.deps, { ...input, content: `${water.body}，邻居拿刀砍人了` }, { category: true });
    expect(danger.autoCategory).toBeUndefined();
    const calm = await intakeHooks.analyze(t.deps, { ...input, content: `${water.body}，邻居家拿了桶接水` }, { category: true });
    expect(calm.autoCategory).toBeDefined();
    // A category set by staff stands: the model is not asked.
    const staff = await intakeHooks.analyze(t.deps, input, { category: false });
    expect(staff.autoCategory).toBeUndefined();
  });

  it('fills the segmentation dictionary with unit and category names', async () => {
    await t.db.insertInto('units').values({ code: 'U-rs', name: '市人社局', short_name: '人社局', kind: 'department' }).execute();
    const dict = new UserDictionary();
    expect(await loadDeploymentDictionary(t.deps, dict)).toBeGreaterThan(0);
    expect(dict.has('市人社局')).toBe(true);
    expect(dict.has('交通运输')).toBe(true);
    expect(segment('找市人社局反映交通运输问题', dict)).toEqual(expect.arrayContaining(['市人社局', '交通运输']));
    expect(await countClosedTickets(t.db)).toBe(TRAIN.length);
  });

  it('registers nlp.retrain, which retrains only when the history grew', async () => {
    expect(buildRegistry().get('nlp.retrain')).toBeDefined();
    expect(await retrainIfGrown(t.deps, false, 20)).toEqual([]); // trained on all closed tickets already
    const forced = await retrainIfGrown(t.deps, true, 20);
    expect(forced.find((r) => r.kind === 'category')?.version).toBe(2);
    expect((await getModel(t.db, 'category'))?.version).toBe(2);
  });

  it('skips kinds without enough history', async () => {
    const r = await retrainFromDb(t.deps, { kinds: ['unit'], minExamples: 1000 });
    expect(r[0].skipped).toBeDefined();
    expect((await getModel(t.db, 'unit'))?.version).toBe(2);
  });
});
