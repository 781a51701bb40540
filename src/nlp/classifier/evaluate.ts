// Stratified k-fold evaluation of the classifier and of the naive-Bayes baseline on the same
// folds. Each fold's model sees only that fold's training part (vocabulary, selection, weights).
import { loadModel, classify } from './model.ts';
import { DEFAULT_TRAIN, trainClassifier, type Example, type TrainOptions } from './train.ts';
import { evaluate, stratifiedFolds, type Report } from './metrics.ts';
import { predictNaiveBayes, trainNaiveBayes } from './naive-bayes.ts';

export interface CvResult {
  name: string;
  report: Report;
  seconds: number;
  /** nested CV only: the setting chosen in each outer fold */
  chosen?: string[];
}

const joined = (e: Example) => (Array.isArray(e.text) ? e.text.join(' ') : e.text);

function split(examples: Example[], fold: number[], f: number) {
  const train: Example[] = [];
  const test: number[] = [];
  examples.forEach((e, i) => (fold[i] === f ? test.push(i) : train.push(e)));
  if (new Set(train.map((e) => e.label)).size < 2) {
    throw new Error(`fold ${f + 1}: its training part holds a single label (${examples.length} examples are too few for these folds); use fewer folds (--folds) or more examples per label`);
  }
  return { train, test };
}

function oursOnFolds(examples: Example[], fold: number[], k: number, opts: Partial<TrainOptions>): string[] {
  const predicted: string[] = new Array(examples.length);
  for (let f = 0; f < k; f++) {
    const { train, test } = split(examples, fold, f);
    const m = loadModel(trainClassifier(train, { ...opts, cvFolds: 0 }));
    for (const i of test) predicted[i] = classify(m, examples[i].text, 1, 0).label;
  }
  return predicted;
}

export function crossValidate(examples: Example[], k = 5, seed = 42, opts: Partial<TrainOptions> = {}): CvResult {
  const t0 = performance.now();
  const truth = examples.map((e) => e.label);
  const fold = stratifiedFolds(truth, k, seed);
  const predicted = oursOnFolds(examples, fold, k, opts);
  return { name: 'ours (char 1–3-gram TF-IDF^1.5, χ² selection, linear SVM)', report: evaluate(truth, predicted), seconds: (performance.now() - t0) / 1000 };
}

export function crossValidateNaiveBayes(examples: Example[], k = 5, seed = 42, alpha = 1): CvResult {
  const t0 = performance.now();
  const truth = examples.map((e) => e.label);
  const fold = stratifiedFolds(truth, k, seed);
  const predicted: string[] = new Array(examples.length);
  for (let f = 0; f < k; f++) {
    const { train, test } = split(examples, fold, f);
    const m = trainNaiveBayes(train.map(joined), train.map((e) => e.label), alpha);
    for (const i of test) predicted[i] = predictNaiveBayes(m, joined(examples[i]));
  }
  return { name: `naive Bayes, char 1–2-grams, alpha ${alpha}`, report: evaluate(truth, predicted), seconds: (performance.now() - t0) / 1000 };
}

/** One setting the nested CV may choose: a name for the report and the options it sets. */
export interface GridPoint {
  name: string;
  opts: Partial<TrainOptions>;
}

/**
 * The settings chosen among by CV during development: idf power × χ² selection share. Nested
 * CV over all of them charges the estimate for having chosen one.
 */
export function defaultGrid(powers = [1, 1.25, 1.5, 1.75, 2], shares = [0.2, 0.3, 0.5]): GridPoint[] {
  const out: GridPoint[] = [];
  for (const p of powers) {
    for (const s of shares) out.push({ name: `idf^${p}/sel ${s}`, opts: { features: { ...DEFAULT_TRAIN.features, idfPower: p }, selectFraction: s } });
  }
  return out;
}

/**
 * Nested CV: in every outer fold the setting is chosen by an inner CV on that fold's training
 * part only, then the outer test part is predicted. This estimates the whole procedure
 * including its tuning, so the number cannot flatter the tuned setting.
 */
export function nestedCrossValidate(examples: Example[], k = 5, seed = 42, grid: GridPoint[] = defaultGrid(), inner = 3): CvResult {
  const t0 = performance.now();
  const truth = examples.map((e) => e.label);
  const fold = stratifiedFolds(truth, k, seed);
  const predicted: string[] = new Array(examples.length);
  const chosen: string[] = [];
  for (let f = 0; f < k; f++) {
    const { train, test } = split(examples, fold, f);
    const innerFold = stratifiedFolds(train.map((e) => e.label), inner, seed + f + 1);
    let best = grid[0];
    let bestF1 = -1;
    for (const g of grid) {
      const p = oursOnFolds(train, innerFold, inner, g.opts);
      const f1 = evaluate(train.map((e) => e.label), p).macroF1;
      if (f1 > bestF1) [best, bestF1] = [g, f1];
    }
    chosen.push(best.name);
    const m = loadModel(trainClassifier(train, { ...best.opts, cvFolds: 0 }));
    for (const i of test) predicted[i] = classify(m, examples[i].text, 1, 0).label;
  }
  return { name: `ours, nested CV over ${grid.length} settings`, report: evaluate(truth, predicted), seconds: (performance.now() - t0) / 1000, chosen };
}
