// A training corpus with every feature string interned once, so that cross-validation folds
// build their vocabulary, χ² selection and TF-IDF vectors with integer arrays only.
import type { FeatureOptions, SparseVec } from './features.ts';

export interface Corpus {
  terms: string[];
  ids: Int32Array[];
  counts: Float64Array[];
}

export function intern(docs: Map<string, number>[]): Corpus {
  const index = new Map<string, number>();
  const terms: string[] = [];
  const ids: Int32Array[] = [];
  const counts: Float64Array[] = [];
  for (const d of docs) {
    const a = new Int32Array(d.size);
    const c = new Float64Array(d.size);
    let i = 0;
    for (const [f, n] of d) {
      let j = index.get(f);
      if (j === undefined) {
        j = terms.length;
        terms.push(f);
        index.set(f, j);
      }
      a[i] = j;
      c[i++] = n;
    }
    ids.push(a);
    counts.push(c);
  }
  return { terms, ids, counts };
}

export interface FoldVocab {
  /** corpus term id → column, or -1 */
  column: Int32Array;
  /** column → corpus term id */
  termIds: Int32Array;
  idf: Float64Array;
}

/**
 * Vocabulary of the given documents: terms in ≥ minDf of them, then the `keep` share with the
 * highest χ² against the labels (all when keep ≥ 1), at most maxFeatures by document frequency.
 */
export function foldVocab(
  corpus: Corpus,
  docs: number[],
  y: number[],
  K: number,
  opts: FeatureOptions,
  keep: number,
  maxKept: number,
  minKeep = 2000,
): FoldVocab {
  const T = corpus.terms.length;
  const df = new Int32Array(T);
  for (const i of docs) for (const j of corpus.ids[i]) df[j]++;
  let cand: number[] = [];
  for (let j = 0; j < T; j++) if (df[j] >= opts.minDf) cand.push(j);
  if (cand.length > opts.maxFeatures) cand = cand.sort((a, b) => df[b] - df[a] || a - b).slice(0, opts.maxFeatures);
  const keepN = Math.min(cand.length, maxKept, Math.max(minKeep, Math.round(keep * cand.length)));
  if (keepN < cand.length) cand = chi2Top(corpus, docs, y, K, cand, df, keepN);
  cand.sort((a, b) => a - b);
  const column = new Int32Array(T).fill(-1);
  const n = docs.length;
  const idf = new Float64Array(cand.length);
  cand.forEach((j, c) => {
    column[j] = c;
    idf[c] = Math.log((1 + n) / (1 + df[j])) + 1;
  });
  return { column, termIds: Int32Array.from(cand), idf };
}

/** The n candidates with the highest χ² of presence against any one class. */
function chi2Top(corpus: Corpus, docs: number[], y: number[], K: number, cand: number[], df: Int32Array, n: number): number[] {
  const T = corpus.terms.length;
  const perClass = new Float64Array(T * K);
  const nk = new Float64Array(K);
  docs.forEach((i, t) => {
    const k = y[t];
    nk[k]++;
    for (const j of corpus.ids[i]) perClass[j * K + k]++;
  });
  const N = docs.length;
  const score = new Float64Array(T);
  for (const j of cand) {
    let best = 0;
    for (let k = 0; k < K; k++) {
      const a = perClass[j * K + k];
      const b = df[j] - a;
      const c = nk[k] - a;
      const d = N - nk[k] - b;
      const den = (a + b) * (c + d) * (a + c) * (b + d);
      if (den > 0) {
        const x = (N * (a * d - b * c) ** 2) / den;
        if (x > best) best = x;
      }
    }
    score[j] = best;
  }
  return cand.sort((p, q) => score[q] - score[p] || p - q).slice(0, n);
}

/** TF-IDF vector of corpus document i in a fold's vocabulary (sublinear tf optional, l2-normalised). */
export function foldVector(corpus: Corpus, i: number, v: FoldVocab, opts: FeatureOptions): SparseVec {
  const ids = corpus.ids[i];
  const cnt = corpus.counts[i];
  const cols: number[] = [];
  const vals: number[] = [];
  for (let t = 0; t < ids.length; t++) {
    const c = v.column[ids[t]];
    if (c < 0) continue;
    cols.push(c);
    vals.push((opts.sublinearTf ? 1 + Math.log(cnt[t]) : cnt[t]) * v.idf[c]);
  }
  const order = cols.map((_, t) => t).sort((a, b) => cols[a] - cols[b]);
  let norm = 0;
  for (const x of vals) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return { idx: Int32Array.from(order, (t) => cols[t]), val: Float64Array.from(order, (t) => vals[t] / norm) };
}
