// Prediction-time feature lookup for models of character n-grams only (no word tokens): the
// vocabulary as a trie over code points (edges in one flat hash table), walked along each letter/digit run of the text. It
// gives exactly the vector that building every n-gram string and looking it up would give (same
// features, same first-occurrence order, same arithmetic; classifier.test.ts checks it), without making
// a string or map per n-gram — that allocation was most of a classification's cost and of the
// garbage collection it caused on the request path.
import { RE_RUN, featureText, type FeatureOptions, type SparseVec } from './features.ts';

/**
 * The trie: node 0 is the root of body n-grams, node 1 the root of title ("t:") n-grams. Edges
 * (node, code point) → child live in one open-addressing hash table of typed arrays (child 0 =
 * empty slot; the body root is never a child), so a step is a few integer operations and reads
 * instead of a Map lookup per node; the whole trie is five typed arrays, nothing for the GC to walk.
 */
export interface NgramLookup {
  /** Vocabulary index of the n-gram ending at each node, or -1. */
  term: Int32Array;
  edgeFrom: Int32Array;
  edgeCp: Int32Array;
  edgeTo: Int32Array;
  mask: number;
  /** Scratch: counts by vocabulary index, and the indices met, in order. */
  tf: Float64Array;
  seen: Int32Array;
  cps: Int32Array;
}

const BODY = 0;
const TITLE = 1;

function slot(from: number, cp: number, mask: number): number {
  return (Math.imul(from ^ Math.imul(cp, 0x27d4eb2d), 0x9e3779b1) >>> 7) & mask;
}

/** The slot of edge (from, cp): where it is, or the empty slot where it would go. */
function probe(l: NgramLookup, from: number, cp: number): number {
  const { edgeFrom, edgeCp, edgeTo, mask } = l;
  for (let h = slot(from, cp, mask); ; h = (h + 1) & mask) {
    if (edgeTo[h] === 0 || (edgeFrom[h] === from && edgeCp[h] === cp)) return h;
  }
}

/** The child of `from` along `cp`, or 0 when there is none. */
const child = (l: NgramLookup, from: number, cp: number) => l.edgeTo[probe(l, from, cp)];

/** The lookup for a vocabulary, or null when the model has features it cannot serve (word tokens). */
export function ngramLookup(terms: string[], opts: FeatureOptions): NgramLookup | null {
  if (opts.words) return null;
  let chars = 0;
  for (const t of terms) chars += t.length;
  let cap = 1024;
  while (cap < 2 * chars + 2) cap *= 2;
  const l: NgramLookup = {
    term: new Int32Array(chars + 2).fill(-1), edgeFrom: new Int32Array(cap), edgeCp: new Int32Array(cap), edgeTo: new Int32Array(cap),
    mask: cap - 1, tf: new Float64Array(terms.length), seen: new Int32Array(0), cps: new Int32Array(0),
  };
  let nodes = 2;
  terms.forEach((t, j) => {
    const title = t.startsWith('t:');
    let node = title ? TITLE : BODY;
    for (const ch of title ? t.slice(2) : t) {
      const cp = ch.codePointAt(0)!;
      const h = probe(l, node, cp);
      if (l.edgeTo[h] === 0) {
        l.edgeFrom[h] = node;
        l.edgeCp[h] = cp;
        l.edgeTo[h] = nodes++;
      }
      node = l.edgeTo[h];
    }
    l.term[node] = j;
  });
  return l;
}

function scan(l: NgramLookup, root: number, text: string, opts: FeatureOptions, nSeen: number, normalized: boolean): number {
  const norm = featureText(text, opts, normalized);
  const [lo, hi] = opts.charNgram;
  if (l.cps.length < norm.length) l.cps = new Int32Array(norm.length);
  if (l.seen.length < nSeen + norm.length * hi) {
    const grown = new Int32Array(nSeen + norm.length * hi);
    grown.set(l.seen.subarray(0, nSeen));
    l.seen = grown;
  }
  const { cps, tf, seen, term } = l;
  RE_RUN.lastIndex = 0; // synchronous: nothing else uses it meanwhile (matchAll works on a copy)
  for (let m = RE_RUN.exec(norm); m; m = RE_RUN.exec(norm)) {
    const run = m[0];
    let len = 0;
    for (let k = 0; k < run.length; k++) {
      const cp = run.codePointAt(k)!;
      if (cp > 0xffff) k++;
      cps[len++] = cp;
    }
    for (let i = 0; i < len; i++) {
      let node = root;
      for (let n = 1; n <= hi && i + n <= len; n++) {
        node = child(l, node, cps[i + n - 1]);
        if (node === 0) break;
        const j = term[node];
        if (n >= lo && j >= 0 && tf[j]++ === 0) seen[nSeen++] = j;
      }
    }
  }
  return nSeen;
}

/**
 * Counts the vocabulary n-grams of an example into the scratch (l.tf by index, l.seen in order of
 * first occurrence); returns how many distinct ones. Read them with vectorFrom, then resetScan.
 * `normalized`: the fields are normalised already (normalising again is idempotent, and costly).
 */
export function scanExample(l: NgramLookup, fields: string[], opts: FeatureOptions, headline: boolean, normalized = false): number {
  let n = scan(l, BODY, fields.join(' '), opts, 0, normalized);
  if (headline && fields.length > 1 && fields[0]) n = scan(l, TITLE, fields[0], opts, n, normalized);
  return n;
}

/** Clears the scratch counts of the last scan. */
export function resetScan(l: NgramLookup, n: number): void {
  for (let k = 0; k < n; k++) l.tf[l.seen[k]] = 0;
}

/**
 * The TF-IDF vector (l2-normalised, first-occurrence order) of the last scan. With `map`, the
 * scan was over a larger vocabulary: map[u] is the index of term u in this model's vocabulary, or -1.
 */
export function vectorFrom(l: NgramLookup, n: number, sublinearTf: boolean, idf: Float64Array, map?: Int32Array, extra?: ArrayLike<number>): SparseVec {
  let m = n;
  if (map) {
    m = 0;
    for (let k = 0; k < n; k++) if (map[l.seen[k]] >= 0) m++;
  }
  const nExtra = extra?.length ?? 0;
  m += nExtra;
  const idx = new Int32Array(m);
  const val = new Float64Array(m);
  let norm = 0;
  let at = 0;
  for (let k = 0; k < n; k++) {
    const u = l.seen[k];
    const j = map ? map[u] : u;
    if (j < 0) continue;
    const c = l.tf[u];
    const v = (sublinearTf ? 1 + Math.log(c) : c) * idf[j];
    idx[at] = j;
    val[at++] = v;
    norm += v * v;
  }
  // tags (vocabulary indices of "x:" features, distinct): once each, so tf is 1 either way
  for (let k = 0; k < nExtra; k++) {
    const j = extra![k];
    idx[at] = j;
    val[at++] = idf[j];
    norm += idf[j] * idf[j];
  }
  const raw = Math.sqrt(norm);
  norm = raw || 1;
  for (let k = 0; k < m; k++) val[k] = val[k] / norm;
  return { idx, val, norm: raw };
}

/** The TF-IDF vector (l2-normalised, first-occurrence order) of an example, as classify's string path builds it. */
export function lookupVector(l: NgramLookup, fields: string[], opts: FeatureOptions, headline: boolean, idf: Float64Array, extra?: ArrayLike<number>): SparseVec {
  const n = scanExample(l, fields, opts, headline);
  const x = vectorFrom(l, n, opts.sublinearTf, idf, undefined, extra);
  resetScan(l, n);
  return x;
}
