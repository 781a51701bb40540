import { describe, expect, it } from 'vitest';
import { evidenceFloor, evidenceScale } from './evidence.ts';
import { trainClassifier } from './train.ts';
import { classify, loadModel } from './model.ts';
import { chooseThreshold } from './threshold.ts';
import { TRAIN } from './fixtures.test-data.ts';

describe('thin evidence', () => {
  it('takes the floor at a low quantile of the training norms', () => {
    const norms = Array.from({ length: 101 }, (_, i) => 100 - i); // 0..100 in any order
    expect(evidenceFloor(norms, 0.05)).toBe(5);
    expect(evidenceFloor([], 0.05)).toBe(0);
    expect(evidenceScale(2.5, 5)).toBe(0.5);
    expect(evidenceScale(7, 5)).toBe(1);
    expect(evidenceScale(2.5, undefined)).toBe(1);
    expect(evidenceScale(undefined, 5)).toBe(1);
  });

  const model = trainClassifier(TRAIN.map((r) => ({ text: [r.title, r.body], label: r.label })), { cvFolds: 4, minSupport: 5 });
  const withFloor = loadModel(model);
  const { evidenceFloor: floor, ...old } = model;
  const withoutFloor = loadModel(old);

  it('stores a floor with the model, and models without one predict as before', () => {
    expect(floor).toBeGreaterThan(0);
    const long = [TRAIN[0].title, TRAIN[0].body];
    expect(classify(withFloor, long).confidence).toBeCloseTo(classify(withoutFloor, long).confidence, 6);
  });

  it('lowers the confidence of a text with little known evidence, keeping its ranking', () => {
    // one known word, nothing else the model learned
    const thin = '噪音';
    const a = classify(withFloor, thin, 4, 0);
    const b = classify(withoutFloor, thin, 4, 0);
    expect(a.candidates.map((c) => c.label)).toEqual(b.candidates.map((c) => c.label));
    expect(a.confidence).toBeLessThan(b.confidence);
    expect(a.confidence).toBeGreaterThan(1 / model.labels.length);
  });

  it('never chooses an auto threshold below 0.5, however easy the history', () => {
    // every held-out prediction right, most of them at low confidence
    const preds = Array.from({ length: 100 }, (_, i) => ({ confidence: 0.2 + i * 0.007, correct: true }));
    const t = chooseThreshold(preds, 0.95, 20);
    expect(t.threshold).toBeGreaterThanOrEqual(0.5);
    expect(chooseThreshold(preds, 0.95, 20, 0).threshold).toBeCloseTo(0.2, 10);
    // none at or above 0.5: never auto
    expect(chooseThreshold(preds.map((p) => ({ ...p, confidence: p.confidence / 3 })), 0.95, 20).threshold).toBeNull();
  });
});
