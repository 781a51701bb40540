// Prediction-time feature lookup for models of character n-grams only (no word tokens): the
// vocabulary as a trie over code points, walked along each letter/digit run of the text. It
// gives exactly the vector that building every n-gram string and looking it up would give (same
// features, same first-occurrence order, same arithmetic; classifier.test.ts checks it), without making
// a string or map per n-gram — that allocation was most of a classification's cost and of the
// garbage collection it caused on the request path.
import { RE_RUN, featureText, type FeatureOptions, type SparseVec } from './features.ts';

interface Node {
  /** Vocabulary index of the n-gram ending here, or -1. */
  i: number;
  next?: Map<number, Node>;
}

export interface NgramLookup {
  body: Node;
  title: Node;
  /** Scratch: counts by vocabulary index, and the indices met, in order. */
  tf: Float64Array;
  seen: Int32Array;
  cps: Int32Array;
}

/** The lookup for a vocabulary, or null when the model has features it cannot serve (word tokens). */
export function ngramLookup(terms: string[], opts: FeatureOptions): NgramLookup | null {
  if (opts.words) return null;
  const body: Node = { i: -1 };
  const title: Node = { i: -1 };
  terms.forEach((term, j) => {
    let node = term.startsWith('t:') ? title : body;
    const gram = node === title ? term.slice(2) : term;
    for (const ch of gram) {
      const cp = ch.codePointAt(0)!;
      node.next ??= new Map();
      let n = node.next.get(cp);
      if (!n) node.next.set(cp, (n = { i: -1 }));
      node = n;
    }
    node.i = j;
  });
  return { body, title, tf: new Float64Array(terms.length), seen: new Int32Array(0), cps: new Int32Array(0) };
}

function scan(l: NgramLookup, root: Node, text: string, opts: FeatureOptions, nSeen: number): number {
  const norm = featureText(text, opts);
  const [lo, hi] = opts.charNgram;
  if (l.cps.length < norm.length) l.cps = new Int32Array(norm.length);
  if (l.seen.length < nSeen + norm.length * hi) {
    const grown = new Int32Array(nSeen + norm.length * hi);
    grown.set(l.seen.subarray(0, nSeen));
    l.seen = grown;
  }
  const { cps, tf, seen } = l;
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
      let node: Node | undefined = root;
      for (let n = 1; n <= hi && i + n <= len; n++) {
        node = node.next?.get(cps[i + n - 1]);
        if (!node) break;
        if (n >= lo && node.i >= 0 && tf[node.i]++ === 0) seen[nSeen++] = node.i;
      }
    }
  }
  return nSeen;
}

/** The TF-IDF vector (l2-normalised, first-occurrence order) of an example, as classify's string path builds it. */
export function lookupVector(l: NgramLookup, fields: string[], opts: FeatureOptions, headline: boolean, idf: Float64Array): SparseVec {
  let n = scan(l, l.body, fields.join(' '), opts, 0);
  if (headline && fields.length > 1 && fields[0]) n = scan(l, l.title, fields[0], opts, n);
  const idx = new Int32Array(n);
  const val = new Float64Array(n);
  let norm = 0;
  for (let k = 0; k < n; k++) {
    const j = l.seen[k];
    const c = l.tf[j];
    l.tf[j] = 0;
    const v = (opts.sublinearTf ? 1 + Math.log(c) : c) * idf[j];
    idx[k] = j;
    val[k] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < n; k++) val[k] = val[k] / norm;
  return { idx, val };
}
