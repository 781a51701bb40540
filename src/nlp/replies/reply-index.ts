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
  private postings = new Map<string, { doc: number; w: number }[]>();
  private docs: IndexedDoc[];
  /** Scratch accumulator of query(): one score per document, reset after each query. */
  private acc: Float64Array;

  constructor(docs: IndexedDoc[], private maxDfShare = 0.2) {
    this.docs = docs;
    this.acc = new Float64Array(docs.length);
    const counts = docs.map((d) => grams(d.text));
    const df = new Map<string, number>();
    for (const c of counts) for (const g of c.keys()) df.set(g, (df.get(g) ?? 0) + 1);
    const n = docs.length;
    for (const [g, f] of df) if (f <= Math.max(2, maxDfShare * n)) this.idf.set(g, Math.log((n + 1) / (f + 1)) + 1);
    counts.forEach((c, i) => {
      const v = this.weigh(c);
      for (const [g, w] of v) (this.postings.get(g) ?? this.postings.set(g, []).get(g)!).push({ doc: i, w });
    });
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

  /** The `k` most similar documents (cosine), same category boosted by `categoryBoost`. */
  query(
    text: string,
    k: number,
    opts: { categoryCode?: string | null; categoryBoost?: number; exclude?: string; normalized?: boolean } = {},
  ) {
    // The query's strongest terms carry nearly all of the cosine; walking only their postings
    // keeps a long text's lookup cheap.
    const q = [...this.weigh(grams(text, opts.normalized))].sort((a, b) => b[1] - a[1]).slice(0, QUERY_TERMS);
    const acc = this.acc;
    const touched: number[] = [];
    for (const [g, w] of q) {
      for (const p of this.postings.get(g) ?? []) {
        if (acc[p.doc] === 0) touched.push(p.doc);
        acc[p.doc] += w * p.w;
      }
    }
    const out: { doc: IndexedDoc; similarity: number; score: number }[] = [];
    for (const i of touched) {
      const s = acc[i];
      acc[i] = 0;
      const d = this.docs[i];
      if (d.id === opts.exclude) continue;
      const boost = opts.categoryCode && d.categoryCode === opts.categoryCode ? (opts.categoryBoost ?? 0.1) : 0;
      out.push({ doc: d, similarity: s, score: s + boost });
    }
    return out.sort((a, b) => b.score - a.score).slice(0, k);
  }
}
