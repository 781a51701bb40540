// Hotspot clustering (pure, in memory): tickets → TF-IDF vectors over character bigrams (title
// counted twice), star clustering on cosine similarity within the same place bucket and time
// gap, then clusters with near-identical centroids merged. Each cluster gets its most central
// member as representative, its top terms, and a score from volume, support votes and growth.
import { displayTerms } from './display-terms.ts';
import { DUPLICATE_THRESHOLD, canonical, shingles, similarity } from '../dedupe/minhash.ts';

export interface HotDoc {
  id: string;
  title: string;
  body: string;
  at: Date;
  /** Place bucket (e.g. county code): only documents in the same bucket cluster together. */
  place?: string | null;
  /** Support votes (public board) or other endorsements. */
  support?: number;
  /**
   * Topic family (the level-1 category) when known: documents of two known, different families
   * never cluster ("延期交房" and "电梯故障" at one estate are two problems); unknown joins any.
   */
  topic?: string | null;
  /**
   * Who raised it (the caller's phone) when known: one caller's tickets count as one voice, and
   * a cluster that is one caller repeating is no shared problem. Unknown: each ticket is a voice.
   */
  caller?: string | null;
}
export interface ClusterOptions {
  /** Minimum cosine similarity to the cluster centre. */
  threshold: number;
  /** Clusters whose centroids are at least this similar are merged. */
  mergeThreshold: number;
  /** A member may be at most this many days from its centre. */
  maxGapDays: number;
  minSize: number;
  /** Fewer distinct callers than this and a cluster is one person's repeat complaint, not a hotspot. */
  minCallers: number;
  /** Terms in more than this share of documents are boilerplate (“反映”, “A市”). */
  maxDfShare: number;
  termsPerDoc: number;
  /** End of the analysis window: growth compares the last `growthDays` with the ones before. */
  until?: Date;
  growthDays: number;
}
const sameTopic = (a: HotDoc, b: HotDoc) => !a.topic || !b.topic || a.topic === b.topic;

export const DEFAULT_CLUSTER: ClusterOptions = {
  threshold: 0.25, mergeThreshold: 0.4, maxGapDays: 90, minSize: 3, minCallers: 2, maxDfShare: 0.04, termsPerDoc: 40, growthDays: 30,
};

export interface HotCluster {
  members: string[];
  /** Members that are not near-duplicate re-posts of another member (same test as intake dedupe). */
  distinct: number;
  /** Distinct callers among the members (tickets with no known caller count one each). */
  callers: number;
  representativeId: string;
  title: string;
  terms: string[];
  place: string | null;
  from: Date;
  to: Date;
  votes: number;
  growth: number;
  score: number;
}

type Vec = Map<number, number>;

function bigrams(text: string, w: number, vocab: Map<string, number>, out: Vec) {
  const s = canonical(text).replace(/[0-9]+/g, '0');
  for (let i = 0; i + 2 <= s.length; i++) {
    const g = s.slice(i, i + 2);
    if (g === '00') continue;
    let id = vocab.get(g);
    if (id === undefined) vocab.set(g, (id = vocab.size));
    out.set(id, (out.get(id) ?? 0) + w);
  }
}

const dot = (a: Vec, b: Vec) => {
  const [s, l] = a.size <= b.size ? [a, b] : [b, a];
  let d = 0;
  for (const [k, v] of s) {
    const u = l.get(k);
    if (u) d += u * v;
  }
  return d;
};
function normalizeVec(v: Vec): Vec {
  let n = 0;
  for (const x of v.values()) n += x * x;
  n = Math.sqrt(n) || 1;
  for (const [k, x] of v) v.set(k, x / n);
  return v;
}

export function clusterDocs(docs: HotDoc[], options: Partial<ClusterOptions> = {}): HotCluster[] {
  const o = { ...DEFAULT_CLUSTER, ...options };
  const vocab = new Map<string, number>();
  const raw = docs.map((d) => {
    const v: Vec = new Map();
    bigrams(d.title, 2, vocab, v);
    bigrams(d.body, 1, vocab, v);
    return v;
  });
  const df = new Float64Array(vocab.size);
  for (const v of raw) for (const k of v.keys()) df[k]++;
  // Boilerplate is what most documents say; in a small set (one county's month) a share of 4%
  // would be 2–3 documents and cut the very words a cluster shares, so up to a third of the set
  // (at most 25 documents) always counts as a possible cluster's words.
  const maxDf = Math.max(3, o.maxDfShare * docs.length, Math.min(docs.length / 3, 25));
  const n = docs.length;
  const vecs: Vec[] = raw.map((v) => {
    const w: [number, number][] = [];
    for (const [k, tf] of v) if (df[k] >= 2 && df[k] <= maxDf) w.push([k, (1 + Math.log(tf)) * Math.log((n + 1) / (df[k] + 1))]);
    w.sort((a, b) => b[1] - a[1]);
    return normalizeVec(new Map(w.slice(0, o.termsPerDoc)));
  });

  // Neighbours through an inverted index, within the same place and time gap.
  const postings = new Map<number, number[]>();
  vecs.forEach((v, i) => v.forEach((_, k) => (postings.get(k) ?? postings.set(k, []).get(k)!).push(i)));
  const gapMs = o.maxGapDays * 86400_000;
  const nbrs: Map<number, number>[] = docs.map(() => new Map());
  for (let i = 0; i < n; i++) {
    const acc = new Map<number, number>();
    for (const [k, x] of vecs[i]) for (const j of postings.get(k)!) if (j > i) acc.set(j, (acc.get(j) ?? 0) + x * vecs[j].get(k)!);
    for (const [j, s] of acc) {
      if (s < o.threshold || (docs[i].place ?? null) !== (docs[j].place ?? null) || !sameTopic(docs[i], docs[j])) continue;
      if (Math.abs(docs[i].at.getTime() - docs[j].at.getTime()) > gapMs) continue;
      nbrs[i].set(j, s);
      nbrs[j].set(i, s);
    }
  }

  // Star clustering: the best-connected unassigned document takes its unassigned neighbours.
  const order = docs.map((_, i) => i).sort((a, b) => nbrs[b].size - nbrs[a].size || a - b);
  const assigned = new Int32Array(n).fill(-1);
  let groups: number[][] = [];
  for (const c of order) {
    if (assigned[c] >= 0) continue;
    const members = [c, ...[...nbrs[c].keys()].filter((j) => assigned[j] < 0)];
    if (members.length < 2) continue;
    for (const m of members) assigned[m] = groups.length;
    groups.push(members);
  }

  // Merge stars with near-identical centroids (one topic split across two centres).
  const centroid = (g: number[]) => {
    const c: Vec = new Map();
    for (const m of g) for (const [k, x] of vecs[m]) c.set(k, (c.get(k) ?? 0) + x);
    return normalizeVec(c);
  };
  let cents = groups.map(centroid);
  for (let merged = true; merged; ) {
    merged = false;
    for (let a = 0; a < groups.length && !merged; a++)
      for (let b = a + 1; b < groups.length && !merged; b++) {
        if ((docs[groups[a][0]].place ?? null) !== (docs[groups[b][0]].place ?? null)) continue;
        if (!sameTopic(docs[groups[a][0]], docs[groups[b][0]])) continue;
        if (dot(cents[a], cents[b]) >= o.mergeThreshold) {
          groups[a] = [...groups[a], ...groups[b]];
          cents[a] = centroid(groups[a]);
          groups.splice(b, 1);
          cents.splice(b, 1);
          merged = true;
        }
      }
  }
  const callersOf = (g: number[]) => new Set(g.map((m) => docs[m].caller || `#${m}`)).size;
  groups = groups.filter((g) => g.length >= o.minSize && callersOf(g) >= o.minCallers);
  cents = groups.map(centroid);

  const terms = [...vocab.keys()];
  const until = (o.until ?? new Date(Math.max(...docs.map((d) => d.at.getTime())))).getTime();
  const gMs = o.growthDays * 86400_000;
  const out = groups.map((g, gi): HotCluster => {
    const c = cents[gi];
    const rep = g.reduce((best, m) => (dot(vecs[m], c) > dot(vecs[best], c) ? m : best), g[0]);
    const kept: Uint32Array[] = [];
    for (const m of g) {
      const sh = shingles(canonical(`${docs[m].title} ${docs[m].body}`));
      if (!kept.some((k) => similarity(k, sh) >= DUPLICATE_THRESHOLD)) kept.push(sh);
    }
    const times = g.map((m) => docs[m].at.getTime());
    const recent = times.filter((t) => t > until - gMs && t <= until).length;
    const before = times.filter((t) => t > until - 2 * gMs && t <= until - gMs).length;
    const growth = recent === 0 ? 0 : Math.min(3, (recent - before) / Math.max(1, before));
    const votes = g.reduce((s, m) => s + (docs[m].support ?? 0), 0);
    // volume is counted in voices: one caller's five calls are one resident's problem, however urgent
    const callers = callersOf(g);
    const score = callers * (1 + Math.log10(1 + votes)) * (1 + 0.5 * Math.max(0, growth));
    return {
      members: g.map((m) => docs[m].id),
      distinct: kept.length,
      callers,
      representativeId: docs[rep].id,
      title: docs[rep].title,
      terms: displayTerms(
        [...c.entries()].sort((a, b) => b[1] - a[1]).slice(0, 24).map(([k]) => terms[k]),
        g.map((m) => canonical(`${docs[m].title} ${docs[m].body}`)),
      ),
      place: docs[rep].place ?? null,
      from: new Date(Math.min(...times)),
      to: new Date(Math.max(...times)),
      votes,
      growth: Math.round(growth * 100) / 100,
      score: Math.round(score * 100) / 100,
    };
  });
  return out.sort((a, b) => b.score - a.score);
}
