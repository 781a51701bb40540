// A training corpus with every feature string interned once, so that cross-validation folds
// build their vocabulary, χ² selection and TF-IDF vectors with integer arrays only.
import { forEachExampleFeature, type FeatureOptions, type SparseVec } from './features.ts';

export interface Corpus {
  terms: string[];
  ids: Int32Array[];
  counts: Float64Array[];
}

/** Featurises examples straight into interned ids (one string lookup per feature occurrence). */
export class CorpusBuilder {
  private readonly index = new Map<string, number>();
  private readonly buf: number[] = [];
  readonly corpus: Corpus = { terms: [], ids: [], counts: [] };
  private readonly emit = (f: string) => {
    let j = this.index.get(f);
    if (j === undefined) {
      j = this.corpus.terms.length;
      this.corpus.terms.push(f);
      this.index.set(f, j);
    }
    this.buf.push(j);
  };

  constructor(
    private readonly features: FeatureOptions,
    private readonly headline: boolean,
  ) {}

  add(text: string | string[], tags?: readonly string[]): void {
    this.buf.length = 0;
    forEachExampleFeature(text, this.features, this.headline, this.emit, tags);
    const sorted = Int32Array.from(this.buf).sort();
    const a: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && sorted[i] === sorted[i - 1]) c[c.length - 1]++;
      else {
        a.push(sorted[i]);
        c.push(1);
      }
    }
    this.corpus.ids.push(Int32Array.from(a));
    this.corpus.counts.push(Float64Array.from(c));
  }
}

export function buildCorpus(texts: (string | string[])[], features: FeatureOptions, headline: boolean): Corpus {
  const b = new CorpusBuilder(features, headline);
  for (const t of texts) b.add(t);
  return b.corpus;
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
  const power = opts.idfPower ?? 1;
  cand.forEach((j, c) => {
    column[j] = c;
    idf[c] = idfWeight(n, df[j], power);
  });
  return { column, termIds: Int32Array.from(cand), idf };
}

/** Smooth idf, log((1 + n) / (1 + df)) + 1 (≥ 1), raised to `power`. */
export function idfWeight(n: number, df: number, power = 1): number {
  const idf = Math.log((1 + n) / (1 + df)) + 1;
  return power === 1 ? idf : idf ** power;
}

/**
 * The n candidates with the highest χ² of presence against any one class. One class at a time,
 * so memory stays O(candidates) however many classes there are.
 */
function chi2Top(corpus: Corpus, docs: number[], y: number[], K: number, cand: number[], df: Int32Array, n: number): number[] {
  const pos = new Int32Array(corpus.terms.length).fill(-1);
  cand.forEach((j, c) => (pos[j] = c));
  const byClass: number[][] = Array.from({ length: K }, () => []);
  docs.forEach((i, t) => byClass[y[t]].push(i));
  const N = docs.length;
  const score = new Float64Array(cand.length);
  const inClass = new Float64Array(cand.length);
  for (let k = 0; k < K; k++) {
    const nk = byClass[k].length;
    if (!nk) continue;
    inClass.fill(0);
    for (const i of byClass[k]) for (const j of corpus.ids[i]) if (pos[j] >= 0) inClass[pos[j]]++;
    for (let c = 0; c < cand.length; c++) {
      const a = inClass[c]; // in class, has feature
      const b = df[cand[c]] - a; // other classes, has feature
      const cc = nk - a; // in class, lacks feature
      const d = N - nk - b; // other classes, lacks feature
      const den = (a + b) * (cc + d) * (a + cc) * (b + d);
      if (den > 0) {
        const x = (N * (a * d - b * cc) ** 2) / den;
        if (x > score[c]) score[c] = x;
      }
    }
  }
  const order = cand.map((_, c) => c).sort((p, q) => score[q] - score[p] || p - q);
  return order.slice(0, n).map((c) => cand[c]);
}

/** TF-IDF vector of corpus document i in a fold's vocabulary (sublinear tf optional, l2-normalised). */
export function foldVector(corpus: Corpus, i: number, v: FoldVocab, opts: FeatureOptions): SparseVec {
  const ids = corpus.ids[i];
  const cnt = corpus.counts[i];
  // ids are ascending and columns follow term-id order, so the vector comes out sorted
  const cols: number[] = [];
  const vals: number[] = [];
  let norm = 0;
  for (let t = 0; t < ids.length; t++) {
    const c = v.column[ids[t]];
    if (c < 0) continue;
    const x = (opts.sublinearTf ? 1 + Math.log(cnt[t]) : cnt[t]) * v.idf[c];
    cols.push(c);
    vals.push(x);
    norm += x * x;
  }
  const raw = Math.sqrt(norm);
  norm = raw || 1;
  return { idx: Int32Array.from(cols), val: Float64Array.from(vals, (x) => x / norm), norm: raw };
}
