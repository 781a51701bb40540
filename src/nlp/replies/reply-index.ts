// A small TF-IDF index (character bigrams of the normalised text) over closed tickets with a
// reply, for "what did we answer last time" lookups. Pure and in memory.
import { canonical } from '../dedupe/minhash.ts';

const QUERY_TERMS = 40;

export interface IndexedDoc {
  id: string;
  text: string;
  categoryCode?: string | null;
}

function grams(text: string, normalized = false): Map<string, number> {
  const s = canonical(text, normalized).replace(/[0-9]+/g, '0');
  const m = new Map<string, number>();
  for (let i = 0; i + 2 <= s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

export class TfIdfIndex {
  private idf = new Map<string, number>();
  /**
   * Postings in one compressed layout: term → its number t; the documents holding term t and
   * their weights are postDocs / postWs[start[t] … start[t + 1]). Two typed arrays in all, not
   * two per term: tens of thousands of small ArrayBuffers made every young-generation GC sweep
   * them (milliseconds, on the request that hit it).
   */
  private termId = new Map<string, number>();
  private start: Int32Array;
  private postDocs: Int32Array;
  private postWs: Float64Array;
  private docs: IndexedDoc[];
  /** Scratch accumulator of query(): one score per document, reset after each query. */
  private acc: Float64Array;
  private touched: Int32Array;

  constructor(docs: IndexedDoc[], private maxDfShare = 0.2) {
    this.docs = docs;
    this.acc = new Float64Array(docs.length);
    this.touched = new Int32Array(docs.length);
    const counts = docs.map((d) => grams(d.text));
    const df = new Map<string, number>();
    for (const c of counts) for (const g of c.keys()) df.set(g, (df.get(g) ?? 0) + 1);
    const n = docs.length;
    for (const [g, f] of df) if (f <= Math.max(2, maxDfShare * n)) this.idf.set(g, Math.log((n + 1) / (f + 1)) + 1);
    const lists = new Map<string, { doc: number; w: number }[]>();
    counts.forEach((c, i) => {
      const v = this.weigh(c);
      for (const [g, w] of v) (lists.get(g) ?? lists.set(g, []).get(g)!).push({ doc: i, w });
    });
    let total = 0;
    for (const l of lists.values()) total += l.length;
    this.start = new Int32Array(lists.size + 1);
    this.postDocs = new Int32Array(total);
    this.postWs = new Float64Array(total);
    let t = 0;
    let at = 0;
    for (const [g, l] of lists) {
      this.termId.set(g, t);
      this.start[t] = at;
      for (const p of l) {
        this.postDocs[at] = p.doc;
        this.postWs[at++] = p.w;
      }
      t++;
    }
    this.start[t] = at;
  }

  get size() {
    return this.docs.length;
  }

  private weigh(c: Map<string, number>): Map<string, number> {
    const v = new Map<string, number>();
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

  /**
   * The `n` heaviest terms of a text with their normalised weights, as weigh() then a stable
   * sort by weight would give them (ties in first-occurrence order), without building a second
   * map or sorting every term of a long text.
   */
  private strongestTerms(c: Map<string, number>, n: number): { terms: string[]; ws: number[] } {
    const terms: string[] = [];
    const ws: number[] = [];
    let norm = 0;
    c.forEach((tf, g) => {
      const idf = this.idf.get(g);
      if (!idf) return;
      const w = (1 + Math.log(tf)) * idf;
      terms.push(g);
      ws.push(w);
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    const top = { terms: [] as string[], ws: [] as number[] };
    for (let i = 0; i < terms.length; i++) {
      const w = ws[i] / norm;
      const len = top.ws.length;
      if (len === n && w <= top.ws[n - 1]) continue;
      let at = len;
      while (at > 0 && top.ws[at - 1] < w) at--;
      top.terms.splice(at, 0, terms[i]);
      top.ws.splice(at, 0, w);
      if (len + 1 > n) {
        top.terms.pop();
        top.ws.pop();
      }
    }
    return top;
  }

  /** The `k` most similar documents (cosine), same category boosted by `categoryBoost`. */
  query(
    text: string,
    k: number,
    opts: { categoryCode?: string | null; categoryBoost?: number; exclude?: string; normalized?: boolean } = {},
  ) {
    // The query's strongest terms carry nearly all of the cosine; walking only their postings
    // keeps a long text's lookup cheap.
    const q = this.strongestTerms(grams(text, opts.normalized), QUERY_TERMS);
    const acc = this.acc;
    const touched = this.touched;
    let nTouched = 0;
    const { start, postDocs, postWs } = this;
    for (let t = 0; t < q.terms.length; t++) {
      const id = this.termId.get(q.terms[t]);
      if (id === undefined) continue;
      const w = q.ws[t];
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
