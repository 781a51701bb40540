import { describe, expect, it } from 'vitest';
import { classify, isClassifierModel, loadModel } from './model.ts';
import { trainClassifier } from './train.ts';
import { classifyMany } from './classify-many.ts';
import { HELD_OUT, TRAIN } from './fixtures.test-data.ts';

const examples = TRAIN.map((r) => ({ text: [r.title, r.body], label: r.label }));
const model = trainClassifier(examples, { cvFolds: 4, minSupport: 5 });
const loaded = loadModel(JSON.parse(JSON.stringify(model)));

describe('text classifier', () => {
  it('predicts held-out texts it never saw', () => {
    for (const r of HELD_OUT) {
      const p = classify(loaded, [r.title, r.body]);
      expect(p.label, r.title).toBe(r.label);
      expect(p.confidence).toBeGreaterThan(0.25);
    }
  });

  it('gives calibrated candidates that sum to at most 1, best first', () => {
    const p = classify(loaded, ['噪音', '晚上工地施工噪音很大'], 4);
    expect(p.candidates).toHaveLength(4);
    expect(p.candidates[0].label).toBe('noise');
    expect(p.candidates[0].confidence).toBe(p.confidence);
    for (let i = 1; i < 4; i++) expect(p.candidates[i].confidence).toBeLessThanOrEqual(p.candidates[i - 1].confidence);
    expect(p.candidates.reduce((a, c) => a + c.confidence, 0)).toBeCloseTo(1, 6);
  });

  it('answers only among the labels allowed, their confidences summing to 1', () => {
    const text = ['噪音', '晚上工地施工噪音很大'];
    const all = classify(loaded, text, 4);
    expect(all.label).toBe('noise');
    const some = classify(loaded, text, 4, 0, undefined, ['water', 'traffic']);
    expect(some.candidates.map((c) => c.label).sort()).toEqual(['traffic', 'water']);
    expect(some.candidates.reduce((a, c) => a + c.confidence, 0)).toBeCloseTo(1, 6);
    // the allowed keep their order
    const order = all.candidates.map((c) => c.label).filter((l) => l === 'water' || l === 'traffic');
    expect(some.candidates.map((c) => c.label)).toEqual(order);
    // none of them a label: no restriction
    expect(classify(loaded, text, 4, 0, undefined, ['nosuch']).label).toBe('noise');
  });

  it('explains a decision with terms present in the text', () => {
    const text = '小区停水了，自来水什么时候恢复供水';
    const p = classify(loaded, text);
    expect(p.label).toBe('water');
    expect(p.explain.length).toBeGreaterThan(0);
    for (const e of p.explain) {
      expect(text).toContain(e.term);
      expect(e.weight).toBeGreaterThan(0);
    }
    expect(p.explain.map((e) => e.term).join(' ')).toMatch(/水/);
  });

  it('classifies traditional and full-width input like simplified', () => {
    const simp = classify(loaded, ['公交车班次太少', '等公交车要很久，希望增加班次']);
    const trad = classify(loaded, ['公交車班次太少', '等公交車要很久，希望增加班次！']);
    expect(trad.label).toBe('traffic');
    expect(trad.confidence).toBeCloseTo(simp.confidence, 2);
  });

  it('serialises to plain JSON and predicts the same after a round trip', () => {
    const json = JSON.stringify(model);
    expect(isClassifierModel(JSON.parse(json))).toBe(true);
    const direct = loadModel(model);
    for (const r of HELD_OUT) {
      const a = classify(direct, [r.title, r.body]);
      const b = classify(loaded, [r.title, r.body]);
      expect(b.label).toBe(a.label);
      expect(b.confidence).toBeCloseTo(a.confidence, 4);
    }
  });

  it('records cross-validated metrics and a temperature', () => {
    const m = model.metrics;
    expect(m.examples).toBe(TRAIN.length);
    expect(m.classes).toBe(4);
    expect(m.cvFolds).toBe(4);
    expect(m.cvMacroF1).toBeGreaterThan(0.7);
    expect(m.temperature).toBeGreaterThan(0);
    expect(m.threshold).toBeDefined();
    expect(model.labels).toEqual(['education', 'noise', 'traffic', 'water']);
  });

  it('is deterministic', () => {
    const again = trainClassifier(examples, { cvFolds: 0 });
    const first = trainClassifier(examples, { cvFolds: 0 });
    expect(again.weights).toEqual(first.weights);
  });

  it('needs at least two labels and ignores unlabelled rows', () => {
    expect(() => trainClassifier([{ text: '停水', label: 'water' }, { text: '没水', label: 'water' }])).toThrow(/two distinct labels/);
    const m = trainClassifier([...examples, { text: '无标签', label: '' }], { cvFolds: 0 });
    expect(m.metrics.examples).toBe(TRAIN.length);
  });

  it('claims no confidence for a text with no known term', () => {
    const p = classify(loaded, ['', 'qqq zzz 🙂'], 4);
    expect(p.explain).toEqual([]);
    for (const c of p.candidates) expect(c.confidence).toBeCloseTo(1 / model.labels.length, 12);
    expect(p.confidence).toBeLessThan(model.metrics.threshold!.threshold ?? 1);
  });

  it('rejects things that are not models', () => {
    expect(isClassifierModel({ labels: [] })).toBe(false);
    expect(() => loadModel({} as never)).toThrow();
  });

  it('the allocation-free n-gram lookup gives exactly what the string path gives', () => {
    const json = trainClassifier(TRAIN.map((r) => ({ text: [r.title, r.body], label: r.label })), { cvFolds: 0 });
    const fast = loadModel(json);
    expect(fast.lookup).not.toBeNull();
    const slow = { ...fast, lookup: null };
    const texts: (string | string[])[] = [
      ...HELD_OUT.map((r) => [r.title, r.body]),
      ...HELD_OUT.map((r) => `${r.title} ${r.body}`),
      ...TRAIN.slice(0, 10).map((r) => [r.title, `${r.body}，电话13912345678，2026年3月1日`]),
      '路燈壞了！ＡＢＣ１２３ 𠀋𠀋村 abc', '', '你好', ['', '只有正文'], [TRAIN[0].title, ''],
      `${TRAIN[1].body}`.repeat(60), // past maxChars
    ];
    for (const t of texts) expect(classify(fast, t, 3, 5), JSON.stringify(t).slice(0, 60)).toEqual(classify(slow, t, 3, 5));
  });

  it('several models on one walk of the text give what each gives alone', () => {
    // three vocabularies that overlap only in part: category with the title namespace, a coarser
    // label without it, and a model of the body alone
    const coarse = (l: string) => (l === 'noise' || l === 'traffic' ? 'street' : 'other');
    const a = loadModel(trainClassifier(TRAIN.map((r) => ({ text: [r.title, r.body], label: r.label })), { cvFolds: 0 }));
    const b = loadModel(trainClassifier(TRAIN.map((r) => ({ text: `${r.title} ${r.body}`, label: coarse(r.label) })), { cvFolds: 0, headline: false }));
    const c = loadModel(trainClassifier(TRAIN.filter((_, i) => i % 3 === 0).map((r) => ({ text: r.body, label: r.label })), { cvFolds: 0, headline: false }));
    const texts: (string | string[])[] = [
      ...HELD_OUT.map((r) => [r.title, r.body]), ...HELD_OUT.map((r) => `${r.title} ${r.body}`), '', '你好', ['', '只有正文'], `${TRAIN[1].body}`.repeat(60),
    ];
    for (const t of texts) {
      const asked = [{ model: a, topK: 3, explainTerms: 5 }, { model: b, topK: 2, explainTerms: 0 }, { model: c, topK: 3, explainTerms: 3 }];
      expect(classifyMany(asked, t)).toEqual(asked.map((q) => classify(q.model, t, q.topK, q.explainTerms)));
      // and again, from the cached shared lookup
      expect(classifyMany(asked, t)).toEqual(asked.map((q) => classify(q.model, t, q.topK, q.explainTerms)));
    }
    expect(classifyMany([{ model: b }, { model: a }], HELD_OUT[0].body)).toEqual([classify(b, HELD_OUT[0].body), classify(a, HELD_OUT[0].body)]);
  });
});

describe('headedFields', () => {
  it('splits a joined text into title and content only when it starts with the title', async () => {
    const { headedFields } = await import('./features.ts');
    expect(headedFields('路灯坏了 小区门口路灯不亮', '路灯坏了')).toEqual(['路灯坏了', '小区门口路灯不亮']);
    expect(headedFields('路灯坏了', '路灯坏了')).toBe('路灯坏了');
    expect(headedFields('路灯坏了吗 小区', '路灯坏了')).toBe('路灯坏了吗 小区');
    expect(headedFields('小区门口路灯不亮', undefined)).toBe('小区门口路灯不亮');
  });
});
