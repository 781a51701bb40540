// The serialised classifier (plain JSON, stored in nlp_models.model or a file) and prediction:
// calibrated confidence, ranked candidates and the terms that drove the decision.
import { exampleCounts, fieldsOf, tagFeature, vocabularyFrom, type FeatureOptions, type SparseVec, type Vocabulary } from './features.ts';
import { lookupVector, ngramLookup, type NgramLookup } from './ngram-lookup.ts';
import { softmax } from './calibrate.ts';
import { evidenceScale } from './evidence.ts';
import { MASKED, maskOf } from './label-mask.ts';
import type { ModelMetrics } from './train.ts';

export const MODEL_FORMAT = 'lianxin-linear-svm/1';

export interface ClassifierModel {
  format: typeof MODEL_FORMAT;
  labels: string[];
  features: FeatureOptions;
  headline: boolean;
  terms: string[];
  idf: number[];
  /** per class: the non-zero term weights and the bias */
  weights: SparseWeights[];
  temperature: number;
  /** below this pre-normalisation norm a text's confidence fades (evidence.ts); absent in older models */
  evidenceFloor?: number;
  metrics: ModelMetrics;
}

/** One class's weights: `val[t]` for term `idx[t]`, or, without idx, one value per term. */
export interface SparseWeights {
  idx?: number[];
  val: number[];
  bias: number;
}

/** A model ready to predict: vocabulary index and weights laid out feature-major. */
export interface LoadedModel {
  json: ClassifierModel;
  labels: string[];
  vocab: Vocabulary;
  /** weight of term j for class k at j*K + k */
  w: Float32Array;
  bias: Float64Array;
  /** Allocation-free feature lookup, for models of character n-grams only (ngram-lookup.ts). */
  lookup: NgramLookup | null;
}

export interface Candidate {
  label: string;
  confidence: number;
}

export interface Prediction {
  label: string;
  confidence: number;
  candidates: Candidate[];
  /** the terms present in the text that pushed most towards the predicted label */
  explain: { term: string; weight: number }[];
}

const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** What makes this JSON no usable model (a hand-edited or truncated file), or null when it is one. */
export function modelProblem(x: unknown): string | null {
  const m = x as Partial<ClassifierModel> & { textFields?: unknown };
  if (!m || typeof m !== 'object' || Array.isArray(m)) return 'not a JSON object';
  if (m.format !== MODEL_FORMAT) return `not a Lianxin classifier model (format is not "${MODEL_FORMAT}")`;
  if (!strings(m.labels) || !m.labels!.length) return '"labels" must be a non-empty list of strings';
  if (!strings(m.terms)) return '"terms" must be a list of strings';
  if (!Array.isArray(m.idf) || m.idf.length !== m.terms!.length || !m.idf.every(finite)) return `"idf" must hold one number per term (${m.terms!.length})`;
  if (!m.features || typeof m.features !== 'object') return '"features" is missing';
  if (!finite(m.temperature) || m.temperature! <= 0) return '"temperature" must be a positive number';
  if (m.evidenceFloor !== undefined && (!finite(m.evidenceFloor) || m.evidenceFloor! < 0)) return '"evidenceFloor" must be a number ≥ 0';
  if (m.textFields !== undefined && !strings(m.textFields)) return '"textFields" must be a list of strings';
  if (!Array.isArray(m.weights) || m.weights.length !== m.labels!.length) return `"weights" must hold one entry per label (${m.labels!.length})`;
  for (const [k, row] of m.weights.entries()) {
    if (!row || !Array.isArray(row.val) || !finite(row.bias) || (row.idx !== undefined && (!Array.isArray(row.idx) || row.idx.length !== row.val.length))) {
      return `"weights"[${k}] must have "val", a numeric "bias" and, if any, one "idx" per value`;
    }
  }
  return null;
}

export function isClassifierModel(x: unknown): x is ClassifierModel {
  return modelProblem(x) === null;
}

export function loadModel(json: ClassifierModel): LoadedModel {
  if (!isClassifierModel(json)) throw new Error('not a Lianxin classifier model');
  const K = json.labels.length;
  const D = json.terms.length;
  const w = new Float32Array(D * K);
  const bias = new Float64Array(K);
  json.weights.forEach((row, k) => {
    const idx = row.idx;
    row.val.forEach((v, t) => {
      const j = idx ? idx[t] : t;
      if (j >= 0 && j < D) w[j * K + k] = v;
    });
    bias[k] = row.bias;
  });
  return { json, labels: json.labels, vocab: vocabularyFrom(json.terms, Float64Array.from(json.idf)), w, bias, lookup: ngramLookup(json.terms, json.features) };
}

/** TF-IDF, l2-normalised, in vocabulary order of appearance (scoring does not need sorted indices). */
function toVector(counts: Map<string, number>, m: LoadedModel): SparseVec {
  const sublinear = m.json.features.sublinearTf;
  const idx: number[] = [];
  const val: number[] = [];
  let norm = 0;
  for (const [f, c] of counts) {
    const j = m.vocab.index.get(f);
    if (j === undefined) continue;
    const v = (sublinear ? 1 + Math.log(c) : c) * m.vocab.idf[j];
    idx.push(j);
    val.push(v);
    norm += v * v;
  }
  const raw = Math.sqrt(norm);
  norm = raw || 1;
  return { idx: Int32Array.from(idx), val: Float64Array.from(val, (v) => v / norm), norm: raw };
}

function decision(m: LoadedModel, x: SparseVec): Float64Array {
  const K = m.labels.length;
  const K4 = K & ~3;
  const { w } = m;
  const { idx, val } = x;
  const s = Float64Array.from(m.bias);
  // four classes per step (a third less time with a hundred units); each score sums in term order as before
  for (let t = 0, n = idx.length; t < n; t++) {
    const base = idx[t] * K;
    const v = val[t];
    let k = 0;
    for (; k < K4; k += 4) {
      s[k] += w[base + k] * v;
      s[k + 1] += w[base + k + 1] * v;
      s[k + 2] += w[base + k + 2] * v;
      s[k + 3] += w[base + k + 3] * v;
    }
    for (; k < K; k++) s[k] += w[base + k] * v;
  }
  return s;
}

/** What an explanation shows of a feature; tags ("x:") are no words of the text and are never shown. */
function displayTerm(f: string): string {
  return f.startsWith('t:') || f.startsWith('w:') ? f.slice(2) : f;
}

/**
 * Display terms of a vocabulary ("t:出租车" and "出租车" are one), built on the first explanation:
 * term index → display id, and scratch sums by display id, so explaining builds no string or map
 * for the hundreds of terms of a long text.
 */
interface ExplainIndex {
  display: Int32Array;
  texts: string[];
  short: Uint8Array;
  acc: Float64Array;
  touched: Int32Array;
}
const explainIndexes = new WeakMap<LoadedModel, ExplainIndex>();
function explainIndex(m: LoadedModel): ExplainIndex {
  let e = explainIndexes.get(m);
  if (!e) {
    const ids = new Map<string, number>();
    const display = Int32Array.from(m.vocab.terms, (t) => {
      const d = displayTerm(t);
      let id = ids.get(d);
      if (id === undefined) ids.set(d, (id = ids.size));
      return id;
    });
    const texts = [...ids.keys()];
    // 1: a single character (shown only when little else is); 2: a tag, never shown
    e = { display, texts, short: Uint8Array.from(texts, (t) => (t.startsWith('x:') ? 2 : [...t].length < 2 ? 1 : 0)), acc: new Float64Array(texts.length), touched: new Int32Array(texts.length) };
    explainIndexes.set(m, e);
  }
  return e;
}

/** The top terms for class k: largest positive contributions, longer terms preferred to their parts. */
function explain(m: LoadedModel, x: SparseVec, k: number, n: number): { term: string; weight: number }[] {
  const K = m.labels.length;
  const { display, texts, short, acc, touched } = explainIndex(m);
  let nTouched = 0;
  for (let t = 0; t < x.idx.length; t++) {
    const c = m.w[x.idx[t] * K + k] * x.val[t];
    if (!(c > 0)) continue;
    const d = display[x.idx[t]];
    if (acc[d] === 0) touched[nTouched++] = d;
    acc[d] += c;
  }
  // by summed weight, ties in first-occurrence order (a stable sort)
  const order = Array.from(touched.subarray(0, nTouched));
  const weight = order.map((d) => acc[d]);
  const rank = order.map((_, i) => i).sort((a, b) => weight[b] - weight[a]);
  for (const d of order) acc[d] = 0;
  const out: { term: string; weight: number }[] = [];
  for (const i of rank) {
    if (out.length >= n) break;
    const d = order[i];
    if (short[d] === 2 || (short[d] && nTouched > n)) continue;
    const term = texts[d];
    if (out.some((o) => o.term.includes(term))) continue;
    // a longer term replaces the parts of it already chosen ("出租" → "出租车")
    const parts = out.filter((o) => term.includes(o.term));
    for (const p of parts) out.splice(out.indexOf(p), 1);
    out.push({ term, weight: Math.round(weight[i] * 1e4) / 1e4 });
  }
  return out;
}

/** The vocabulary indices of the tags the model knows (distinct). */
export function tagIndices(m: LoadedModel, tags: readonly string[] | undefined): number[] {
  const out: number[] = [];
  if (tags) {
    for (const t of tags) {
      const j = m.vocab.index.get(tagFeature(t));
      if (j !== undefined && !out.includes(j)) out.push(j);
    }
  }
  return out;
}

/**
 * Classifies one text (or its fields, in the order used for training), with the tags it was
 * trained with if any; `allowed`: the labels possible here (label-mask.ts), all when absent.
 */
export function classify(m: LoadedModel, text: string | string[], topK = 3, explainTerms = 5, tags?: readonly string[], allowed?: Iterable<string>): Prediction {
  const x = m.lookup
    ? lookupVector(m.lookup, fieldsOf(text), m.json.features, m.json.headline, m.vocab.idf, tagIndices(m, tags))
    : toVector(exampleCounts(text, m.json.features, m.json.headline, tags), m);
  return predictVector(m, x, topK, explainTerms, allowed);
}

const labelIndexes = new WeakMap<LoadedModel, Map<string, number>>();
function labelIndex(m: LoadedModel): Map<string, number> {
  let ix = labelIndexes.get(m);
  if (!ix) labelIndexes.set(m, (ix = new Map(m.labels.map((l, k) => [l, k]))));
  return ix;
}

/** The prediction for a feature vector of the model's vocabulary. */
export function predictVector(m: LoadedModel, x: SparseVec, topK = 3, explainTerms = 5, allowed?: Iterable<string>): Prediction {
  const s = decision(m, x);
  const mask = allowed ? maskOf(allowed, labelIndex(m)) : null;
  if (mask) for (let k = 0; k < s.length; k++) if (!mask[k]) s[k] = MASKED;
  const possible = mask ? mask.reduce((a, v) => a + v, 0) : s.length;
  // No known term: the scores are the biases alone, which say nothing about this text; rank by
  // them but claim no confidence (uniform), so such a text is never decided without a human.
  // Little known evidence: the confidence fades towards uniform (evidence.ts).
  const g = evidenceScale(x.norm, m.json.evidenceFloor);
  const p = x.idx.length && g > 0 ? softmax(s, m.json.temperature / g) : Array.from(s, (_, k) => (!mask || mask[k] ? 1 / possible : 0));
  const order = p.map((_, k) => k).sort((a, b) => p[b] - p[a] || s[b] - s[a]);
  const best = order[0];
  return {
    label: m.labels[best],
    confidence: p[best],
    candidates: order.slice(0, Math.max(1, Math.min(topK, possible))).map((k) => ({ label: m.labels[k], confidence: p[k] })),
    explain: explainTerms > 0 ? explain(m, x, best, explainTerms) : [],
  };
}
