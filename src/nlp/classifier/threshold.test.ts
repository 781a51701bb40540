import { describe, expect, it } from 'vitest';
import { chooseThreshold } from './threshold.ts';
import { fitTemperature, softmax } from './calibrate.ts';
import { evaluate, stratifiedFolds } from './metrics.ts';
import { mulberry32 } from './linear.ts';

describe('chooseThreshold', () => {
  it('picks the lowest confidence keeping precision at the target', () => {
    // 100 predictions: above 0.8 all right, 0.6–0.8 four in five right, below 0.6 half right
    const preds = [];
    for (let i = 0; i < 40; i++) preds.push({ confidence: 0.8 + i * 0.005, correct: true });
    for (let i = 0; i < 30; i++) preds.push({ confidence: 0.6 + i * 0.005, correct: i % 5 !== 0 });
    for (let i = 0; i < 30; i++) preds.push({ confidence: 0.3 + i * 0.01, correct: i % 2 === 0 });
    const t = chooseThreshold(preds, 0.95, 10);
    // going down from the top, precision stays ≥ 0.95 until enough 0.6–0.8 errors accumulate
    const above = preds.filter((p) => p.confidence >= t.threshold!);
    const precision = above.filter((p) => p.correct).length / above.length;
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(t.precision).toBeCloseTo(precision, 10);
    expect(t.support).toBe(above.length);
    expect(t.coverage).toBeCloseTo(above.length / 100, 10);
    // and no lower threshold reaches the target
    const lower = [...new Set(preds.map((p) => p.confidence))].filter((c) => c < t.threshold!);
    for (const c of lower) {
      const a = preds.filter((p) => p.confidence >= c);
      expect(a.filter((p) => p.correct).length / a.length).toBeLessThan(0.95);
    }
    expect(t.threshold!).toBeGreaterThan(0.6);
    expect(t.threshold!).toBeLessThanOrEqual(0.8);
  });

  it('returns the lowest threshold when everything is right', () => {
    const preds = Array.from({ length: 50 }, (_, i) => ({ confidence: 0.5 + i / 100, correct: true }));
    const t = chooseThreshold(preds, 0.95, 20);
    expect(t.threshold).toBe(0.5);
    expect(t.coverage).toBe(1);
    expect(t.precision).toBe(1);
  });

  it('requires the minimum support', () => {
    const preds = [
      ...Array.from({ length: 5 }, () => ({ confidence: 0.99, correct: true })),
      ...Array.from({ length: 45 }, (_, i) => ({ confidence: 0.5 + i / 200, correct: i % 2 === 1 })),
    ];
    expect(chooseThreshold(preds, 0.95, 20).threshold).toBeNull();
    expect(chooseThreshold(preds, 0.95, 5).threshold).toBe(0.99);
  });

  it('never splits equal confidences and handles empty input', () => {
    const preds = [
      ...Array.from({ length: 19 }, () => ({ confidence: 0.9, correct: true })),
      { confidence: 0.9, correct: false },
      { confidence: 0.9, correct: false },
    ];
    // 19/21 < 0.95 at 0.9, and the tie cannot be cut
    expect(chooseThreshold(preds, 0.95, 1).threshold).toBeNull();
    const none = chooseThreshold([], 0.95, 1);
    expect(none.threshold).toBeNull();
    expect(none.coverage).toBe(0);
  });
});

describe('calibration', () => {
  it('fits a temperature that sharpens scores of a reliable model and softens an unreliable one', () => {
    const rnd = mulberry32(3);
    const make = (correctRate: number) => {
      const scores: number[][] = [];
      const truth: number[] = [];
      for (let i = 0; i < 400; i++) {
        const y = i % 3;
        const top = rnd() < correctRate ? y : (y + 1) % 3;
        scores.push([0, 1, 2].map((k) => (k === top ? 1 : 0)));
        truth.push(y);
      }
      return { scores, truth };
    };
    const good = make(0.98);
    const poor = make(0.6);
    const tGood = fitTemperature(good.scores, good.truth);
    const tPoor = fitTemperature(poor.scores, poor.truth);
    expect(tGood).toBeLessThan(tPoor);
    // a calibrated confidence is close to the observed accuracy
    expect(softmax([1, 0, 0], tGood)[0]).toBeCloseTo(0.98, 1);
    expect(softmax([1, 0, 0], tPoor)[0]).toBeCloseTo(0.6, 1);
  });
});

describe('metrics', () => {
  it('spreads every class evenly over the folds', () => {
    const labels = [...Array(50).fill('a'), ...Array(20).fill('b'), ...Array(7).fill('c')];
    const folds = stratifiedFolds(labels, 5);
    for (const cls of ['a', 'b', 'c']) {
      const per = [0, 1, 2, 3, 4].map((f) => labels.filter((l, i) => l === cls && folds[i] === f).length);
      expect(Math.max(...per) - Math.min(...per)).toBeLessThanOrEqual(1);
    }
  });

  it('computes accuracy, per-class F1, macro-F1 and the confusion matrix', () => {
    const r = evaluate(['a', 'a', 'a', 'b', 'b', 'c'], ['a', 'a', 'b', 'b', 'b', 'a']);
    expect(r.accuracy).toBeCloseTo(4 / 6, 10);
    expect(r.confusion).toEqual([[2, 1, 0], [0, 2, 0], [1, 0, 0]]);
    const a = r.perClass[0];
    expect(a.precision).toBeCloseTo(2 / 3, 10);
    expect(a.recall).toBeCloseTo(2 / 3, 10);
    expect(r.perClass[2].f1).toBe(0);
    expect(r.macroF1).toBeCloseTo((2 / 3 + 0.8 + 0) / 3, 10);
  });
});
