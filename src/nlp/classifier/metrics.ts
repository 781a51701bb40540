// Evaluation helpers: stratified k-fold splits, accuracy, per-class precision/recall/F1,
// macro-F1 and the confusion matrix.
import { mulberry32, shuffle } from './linear.ts';

/** Fold number (0..k-1) for each example; every class is spread evenly over the folds. */
export function stratifiedFolds(labels: string[], k: number, seed = 42): number[] {
  const rnd = mulberry32(seed);
  const byClass = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byClass.get(l) ?? [];
    list.push(i);
    byClass.set(l, list);
  });
  const fold = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const key of [...byClass.keys()].sort()) {
    const idx = shuffle(byClass.get(key)!, rnd);
    idx.forEach((i, j) => (fold[i] = (j + offset) % k));
    offset += idx.length; // continue the round-robin so fold sizes stay balanced
  }
  return fold;
}

export interface ClassReport {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Report {
  accuracy: number;
  macroF1: number;
  perClass: ClassReport[];
  labels: string[];
  /** confusion[trueIndex][predictedIndex] */
  confusion: number[][];
}

export function evaluate(truth: string[], predicted: string[], labelOrder?: string[]): Report {
  const labels = labelOrder ?? [...new Set([...truth, ...predicted])].sort();
  const at = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  truth.forEach((t, i) => {
    confusion[at.get(t)!][at.get(predicted[i])!]++;
    if (t === predicted[i]) correct++;
  });
  const perClass = labels.map((label, k) => {
    const tp = confusion[k][k];
    const support = confusion[k].reduce((a, b) => a + b, 0);
    const predictedK = confusion.reduce((a, row) => a + row[k], 0);
    const precision = predictedK ? tp / predictedK : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  const present = perClass.filter((c) => c.support > 0);
  return {
    accuracy: truth.length ? correct / truth.length : 0,
    macroF1: present.length ? present.reduce((a, c) => a + c.f1, 0) / present.length : 0,
    perClass,
    labels,
    confusion,
  };
}

const pad = (s: string, n: number) => {
  const w = [...s].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, n - w));
};

/** A plain-text table: per-class precision/recall/F1 then the confusion matrix. */
export function formatReport(r: Report): string {
  const lines: string[] = [];
  const lw = Math.max(10, ...r.labels.map((l) => [...l].length * 2)) + 2;
  lines.push(`${pad('class', lw)} precision  recall     f1  support`);
  for (const c of r.perClass) {
    lines.push(`${pad(c.label, lw)} ${c.precision.toFixed(3).padStart(9)} ${c.recall.toFixed(3).padStart(7)} ${c.f1.toFixed(3).padStart(6)} ${String(c.support).padStart(8)}`);
  }
  lines.push(`accuracy ${r.accuracy.toFixed(4)}   macro-F1 ${r.macroF1.toFixed(4)}`);
  lines.push('');
  lines.push('confusion matrix (rows: true, columns: predicted as numbered)');
  lines.push(pad('', lw) + r.labels.map((_, i) => String(i + 1).padStart(5)).join(''));
  r.confusion.forEach((row, i) => lines.push(pad(`${i + 1} ${r.labels[i]}`, lw) + row.map((v) => String(v).padStart(5)).join('')));
  return lines.join('\n');
}
