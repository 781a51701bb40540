// One-vs-rest linear SVM (L2-regularised squared hinge loss) trained by dual coordinate descent,
// the method of LIBLINEAR (Hsieh et al., ICML 2008). Deterministic (seeded order), no learning
// rate to tune, converges in a few dozen passes over sparse data.
import type { SparseVec } from './features.ts';
import { mulberry32 } from '../../shared/random.ts';

export interface SvmOptions {
  /** inverse regularisation strength */
  C: number;
  /** weight each class's examples by n / (K · n_k) so small classes count as much as large ones */
  balanced: boolean;
  maxPasses: number;
  /** stop when the projected-gradient spread falls below this */
  tol: number;
  seed: number;
}

export const DEFAULT_SVM: SvmOptions = { C: 1, balanced: true, maxPasses: 40, tol: 0.1, seed: 1 };

/** Per class: feature weights followed by the bias as the last element. */
export type Weights = Float64Array[];

export { mulberry32 };

export function shuffle<T>(a: T[], rnd: () => number): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/**
 * Trains one binary problem (y = ±1); returns weights with the bias last. With shrinking as in
 * LIBLINEAR: examples that are well outside the margin (alpha 0, gradient above the last pass's
 * largest projected gradient) leave the active set; a final pass over all confirms convergence.
 * With many classes most examples are easy negatives, so this saves most of the work.
 */
function trainBinary(xs: SparseVec[], y: Int8Array, cost: Float64Array, dim: number, opts: SvmOptions, rnd: () => number): Float64Array {
  const n = xs.length;
  const w = new Float64Array(dim + 1);
  const alpha = new Float64Array(n);
  const diag = new Float64Array(n);
  const qii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    diag[i] = 0.5 / cost[i];
    let sq = 1; // bias feature
    const v = xs[i].val;
    for (let k = 0; k < v.length; k++) sq += v[k] * v[k];
    qii[i] = sq + diag[i];
  }
  const active = Int32Array.from({ length: n }, (_, i) => i);
  let activeSize = n;
  let pgMaxOld = Infinity;
  for (let pass = 0; pass < opts.maxPasses; pass++) {
    for (let s = activeSize - 1; s > 0; s--) {
      const j = Math.floor(rnd() * (s + 1));
      const tmp = active[s];
      active[s] = active[j];
      active[j] = tmp;
    }
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let s = 0; s < activeSize; s++) {
      const i = active[s];
      const { idx, val } = xs[i];
      const yi = y[i];
      let dot = w[dim];
      for (let k = 0; k < idx.length; k++) dot += w[idx[k]] * val[k];
      const g = yi * dot - 1 + diag[i] * alpha[i];
      let pg = g;
      if (alpha[i] === 0) {
        if (g > pgMaxOld) {
          activeSize--;
          active[s] = active[activeSize];
          active[activeSize] = i;
          s--;
          continue;
        }
        if (g > 0) pg = 0;
      }
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) > 1e-12) {
        const old = alpha[i];
        alpha[i] = Math.max(old - g / qii[i], 0);
        const d = (alpha[i] - old) * yi;
        for (let k = 0; k < idx.length; k++) w[idx[k]] += d * val[k];
        w[dim] += d;
      }
    }
    if (pgMax - pgMin <= opts.tol) {
      if (activeSize === n) break;
      // converged on the active set: check everything once more
      activeSize = n;
      pgMaxOld = Infinity;
      continue;
    }
    pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
  }
  return w;
}

/** One-vs-rest: one weight vector per class (labels are 0..K-1). */
export function trainOvr(xs: SparseVec[], labels: number[], numClasses: number, dim: number, opts: SvmOptions = DEFAULT_SVM, onClass?: (k: number) => void): Weights {
  return drain(trainOvrSteps(xs, labels, numClasses, dim, opts, onClass));
}

/** Runs a step generator to its end. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** trainOvr as steps: yields after each class so a caller can give the event loop a turn. */
export function* trainOvrSteps(
  xs: SparseVec[],
  labels: number[],
  numClasses: number,
  dim: number,
  opts: SvmOptions = DEFAULT_SVM,
  onClass?: (k: number) => void,
): Generator<void, Weights> {
  const n = xs.length;
  const counts = new Array(numClasses).fill(0);
  for (const l of labels) counts[l]++;
  const rnd = mulberry32(opts.seed);
  const out: Weights = [];
  for (let k = 0; k < numClasses; k++) {
    const y = new Int8Array(n);
    const cost = new Float64Array(n);
    // Balanced: positives of class k weigh n/(2 n_k), negatives n/(2 (n - n_k)); total stays n.
    const pos = counts[k] || 1;
    const neg = n - counts[k] || 1;
    for (let i = 0; i < n; i++) {
      y[i] = labels[i] === k ? 1 : -1;
      cost[i] = opts.C * (opts.balanced ? (y[i] > 0 ? n / (2 * pos) : n / (2 * neg)) : 1);
    }
    out.push(trainBinary(xs, y, cost, dim, opts, rnd));
    onClass?.(k);
    yield;
  }
  return out;
}

/** Decision values w_k · x + b_k for every class. */
export function scores(weights: Weights, x: SparseVec, out = new Float64Array(weights.length)): Float64Array {
  for (let c = 0; c < weights.length; c++) {
    const w = weights[c];
    let s = w[w.length - 1];
    for (let k = 0; k < x.idx.length; k++) s += w[x.idx[k]] * x.val[k];
    out[c] = s;
  }
  return out;
}
