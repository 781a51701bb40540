// A small TF-IDF index (character bigrams of the normalised text) over closed tickets with a
// reply, for "what did we answer last time" lookups. Pure and in memory.
import { MAX_CANONICAL, canonical } from '../dedupe/minhash.ts';

const QUERY_TERMS = 40;

export interface IndexedDoc {
  id: string;
  text: string;
  categoryCode?: string | null;
}

// A character of the canonical alphabet (digits, a–z, Han in U+3400–9FFF and U+F900–FAFF) as a
// number below ALPHABET, so a bigram is one small integer (i·ALPHABET + j < 2³⁰): counting and
// looking up bigrams then never builds or hashes a string.
const ALPHABET = 36 + 0x6c00 + 0x200;
function symbol(c: number): number {
  if (c <= 0x39) return c - 0x30;
  if (c <= 0x7a) return c - 0x61 + 10;
  if (c <= 0x9fff) return c - 0x3400 + 36;
  return c - 0xf900 + 36 + 0x6c00;
}

/** The text bigrams are read from: the canonical form with runs of digits as one '0'. */
const foldDigits = (canon: string) => canon.replace(/[0-9]+/g, '0');

/** Calls `emit` with the number of each character bigram of `s` (a folded canonical text), in order. */
function forEachBigram(s: string, emit: (g: number) => void): void {
  if (s.length < 2) return;
  let prev = symbol(s.charCodeAt(0));
  for (let i = 1; i < s.length; i++) {
    const cur = symbol(s.charCodeAt(i));
    emit(prev * ALPHABET + cur);
    prev = cur;
  }
}

/** Character bigrams of a text, as bigram number → count. */
function grams(text: string, normalized = false): Map<number, number> {
  const m = new Map<number, number>();
  forEachBigram(foldDigits(canonical(text, normalized)), (g) => m.set(g, (m.get(g) ?? 0) + 1));
  return m;
}

const slotOf = (g: number, mask: number) => {
  const h = Math.imul(g, 0x9e3779b1);
  return (h ^ (h >>> 16)) & mask;
};

export class TfIdfIndex {
  private idf = new Map<number, number>();
  /**
   * Postings in one compressed layout: term → its number t; the documents holding term t and
   * their weights are postDocs / postWs[start[t] … start[t + 1]). Two typed arrays in all, not
   * two per term: tens of thousands of small ArrayBuffers made every young-generation GC sweep
   * them (milliseconds, on the request that hit it).
   */
  private termKeys!: Int32Array;
  private termIds!: Int32Array;
  private termMask = 0;
  private start: Int32Array;
  private postDocs: Int32Array;
  private postWs: Float64Array;
  /** idf by term number. */
  private idfOf: Float64Array;
  private docs: IndexedDoc[];
  /** Scratch accumulator of query(): one score per document, reset after each query. */
  private acc: Float64Array;
  private touched: Int32Array;

  constructor(docs: IndexedDoc[], private maxDfShare = 0.2) {
    this.docs = docs;
    this.acc = new Float64Array(docs.length);
    this.touched = new Int32Array(docs.length);
    const counts = docs.map((d) => grams(d.text));
    const df = new Map<number, number>();
    for (const c of counts) for (const g of c.keys()) df.set(g, (df.get(g) ?? 0) + 1);
    const n = docs.length;
    for (const [g, f] of df) if (f <= Math.max(2, maxDfShare * n)) this.idf.set(g, Math.log((n + 1) / (f + 1)) + 1);
    const lists = new Map<number, { doc: number; w: number }[]>();
    counts.forEach((c, i) => {
      const v = this.weigh(c);
      for (const [g, w] of v) (lists.get(g) ?? lists.set(g, []).get(g)!).push({ doc: i, w });
    });
    let total = 0;
    for (const l of lists.values()) total += l.length;
    // term lookup: bigram number → term number in one open-addressing table (keys < 2³⁰; -1 empty)
    let cap = 16;
    while (cap < 2 * lists.size) cap *= 2;
    this.termKeys = new Int32Array(cap).fill(-1);
    this.termIds = new Int32Array(cap);
    this.termMask = cap - 1;
    this.start = new Int32Array(lists.size + 1);
    this.idfOf = new Float64Array(lists.size);
    this.postDocs = new Int32Array(total);
    this.postWs = new Float64Array(total);
    let t = 0;
    let at = 0;
    for (const [g, l] of lists) {
      const h = this.probe(g);
      this.termKeys[h] = g;
      this.termIds[h] = t;
      this.idfOf[t] = this.idf.get(g)!;
      this.start[t] = at;
      for (const p of l) {
        this.postDocs[at] = p.doc;
        this.postWs[at++] = p.w;
      }
      t++;
    }
    this.start[t] = at;
    this.idf.clear(); // only building needed it by bigram; queries use idfOf
  }

  get size() {
    return this.docs.length;
  }

  /** The slot of bigram g in the term table: where it is, or the empty slot where it would go. */
  private probe(g: number): number {
    const { termKeys, termMask } = this;
    for (let h = slotOf(g, termMask); ; h = (h + 1) & termMask) if (termKeys[h] === g || termKeys[h] === -1) return h;
  }

  private weigh(c: Map<number, number>): Map<number, number> {
    const v = new Map<number, number>();
    let norm = 0;
    for (const [g, tf] of c) {
      const idf = this.idf.get(g);
      if (!idf) continue;
      const w = (1 + Math.log(tf)) * idf;
      v.set(g, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [g, w] of v) v.set(g, w / norm);
    return v;
  }

  /** Scratch of strongestTerms(): term frequency by term number, and the terms seen, in first-occurrence order. */
  private tf?: Int32Array;
  private seenTerms?: Int32Array;
  private readonly topTerms = new Int32Array(QUERY_TERMS);
  private readonly topWs = new Float64Array(QUERY_TERMS);

  /**
   * The QUERY_TERMS heaviest index terms of a text with their normalised weights, as weigh() then
   * a stable sort by weight would give them (ties in first-occurrence order). Counts into reused
   * typed arrays: no map, no array per query. Returns how many of topTerms/topWs are filled.
   */
  private strongestTerms(text: string, normalized: boolean, canon?: string): number {
    const tf = (this.tf ??= new Int32Array(this.idfOf.length));
    const seen = (this.seenTerms ??= new Int32Array(Math.min(this.idfOf.length, MAX_CANONICAL)));
    let nSeen = 0;
    // forEachBigram inlined, the term table probed in place: no call per bigram on the request path
    const s = foldDigits(canon ?? canonical(text, normalized));
    const { termKeys, termIds, termMask } = this;
    let prev = s.length ? symbol(s.charCodeAt(0)) : 0;
    for (let i = 1; i < s.length; i++) {
      const cur = symbol(s.charCodeAt(i));
      const g = prev * ALPHABET + cur;
      prev = cur;
      let h = slotOf(g, termMask);
      while (termKeys[h] !== g && termKeys[h] !== -1) h = (h + 1) & termMask;
      if (termKeys[h] !== g) continue;
      const id = termIds[h];
      if (tf[id]++ === 0) seen[nSeen++] = id;
    }
    let norm = 0;
    for (let k = 0; k < nSeen; k++) {
      const id = seen[k];
      const w = (1 + Math.log(tf[id])) * this.idfOf[id];
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    const { topTerms, topWs } = this;
    const n = QUERY_TERMS;
    let len = 0;
    for (let k = 0; k < nSeen; k++) {
      const id = seen[k];
      const w = ((1 + Math.log(tf[id])) * this.idfOf[id]) / norm;
      tf[id] = 0;
      if (len === n && w <= topWs[n - 1]) continue;
      let at = len < n ? len : n - 1;
      while (at > 0 && topWs[at - 1] < w) {
        topWs[at] = topWs[at - 1];
        topTerms[at] = topTerms[at - 1];
        at--;
      }
      topWs[at] = w;
      topTerms[at] = id;
      if (len < n) len++;
    }
    return len;
  }

  /** The `k` most similar documents (cosine), same category boosted by `categoryBoost`. */
  query(
    text: string,
    k: number,
    opts: { categoryCode?: string | null; categoryBoost?: number; exclude?: string; normalized?: boolean; canonical?: string } = {},
  ) {
    // The query's strongest terms carry nearly all of the cosine; walking only their postings
    // keeps a long text's lookup cheap.
    const nq = this.strongestTerms(text, opts.normalized ?? false, opts.canonical);
    const { topTerms, topWs } = this;
    const acc = this.acc;
    const touched = this.touched;
    let nTouched = 0;
    const { start, postDocs, postWs } = this;
    for (let t = 0; t < nq; t++) {
      const id = topTerms[t];
      const w = topWs[t];
      for (let j = start[id], end = start[id + 1]; j < end; j++) {
        const doc = postDocs[j];
        if (acc[doc] === 0) touched[nTouched++] = doc;
        acc[doc] += w * postWs[j];
      }
    }
    // The k best by score, ties in first-touched order (what a stable sort of all would give),
    // kept by insertion: most touched documents fall below the k-th and cost one comparison.
    const top: { doc: IndexedDoc; similarity: number; score: number }[] = [];
    for (let t = 0; t < nTouched; t++) {
      const i = touched[t];
      const s = acc[i];
      acc[i] = 0;
      const d = this.docs[i];
      if (k <= 0 || d.id === opts.exclude) continue;
      const boost = opts.categoryCode && d.categoryCode === opts.categoryCode ? (opts.categoryBoost ?? 0.1) : 0;
      const score = s + boost;
      if (top.length === k && score <= top[k - 1].score) continue;
      let at = top.length;
      while (at > 0 && top[at - 1].score < score) at--;
      top.splice(at, 0, { doc: d, similarity: s, score });
      if (top.length > k) top.pop();
    }
    return top;
  }
}
