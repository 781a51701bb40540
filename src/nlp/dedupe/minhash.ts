// Near-duplicate text fingerprints: character 3-gram shingles of the normalised text (letters,
// digits and Han only, so spacing, punctuation, full-width forms and traditional characters do
// not matter), a 120-value MinHash signature and 40 LSH bands of 3 rows. Two texts with Jaccard
// similarity s share at least one band with probability 1 − (1 − s³)⁴⁰: 0.99 at s = 0.5,
// 0.67 at s = 0.3, 0.005 at s = 0.05. Candidates are then verified on the exact shingle sets.
import { normalize } from '../normalize.ts';

export const SHINGLE = 3;
export const NUM_HASHES = 120;
export const ROWS = 3;
export const BANDS = NUM_HASHES / ROWS;

const RE_DROP = /[^\u3400-\u9fff\uf900-\ufaffa-z0-9]+/g;

/**
 * How much of a text is matched: its first 1,600 letters, digits and Han characters (about
 * 1,800–2,000 typed characters; 96% of real citizen messages are shorter). A resubmitted request
 * shares its opening, so duplicates and similar past replies are found on it, and an unusually
 * long text costs no more to match than this.
 */
export const MAX_CANONICAL = 1600;

/** The matching form for duplicates: normalised, then only letters, digits and Han characters (at most MAX_CANONICAL). */
export function canonical(text: string, alreadyNormalized = false): string {
  const c = (alreadyNormalized ? text : normalize(text)).replace(RE_DROP, '');
  return c.length > MAX_CANONICAL ? c.slice(0, MAX_CANONICAL) : c;
}

function fnv1a(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hashed character shingles of a canonical text (texts shorter than a shingle give one), as a
 * sorted array of distinct values. A typed array, not a Set: a cached shingle set is then one
 * object for the garbage collector, not hundreds of boxed numbers.
 */
export function shingles(canon: string, size = SHINGLE): Uint32Array {
  if (!canon) return new Uint32Array(0);
  if (canon.length <= size) return Uint32Array.of(fnv1a(canon, 0, canon.length));
  const all = new Uint32Array(canon.length - size + 1);
  for (let i = 0; i + size <= canon.length; i++) all[i] = fnv1a(canon, i, i + size);
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i];
  return all.slice(0, n);
}

// h_i(x) = a_i·x + b_i (mod 2³²) over a well-mixed x: one multiply-add per hash and shingle.
// NUM_HASHES is a multiple of 4 (minhash takes four at a time)
const A = Uint32Array.from({ length: NUM_HASHES }, (_, i) => fmix32(0x9e3779b9 ^ Math.imul(i + 1, 0x27d4eb2f)) | 1);
const B = Uint32Array.from({ length: NUM_HASHES }, (_, i) => fmix32(0x85ebca6b ^ Math.imul(i + 7, 0x165667b1)));

/** MinHash signature (signed 32-bit integers, to fit a PostgreSQL integer[]). */
export function minhash(sh: Uint32Array): number[] {
  const n = sh.length;
  const xs = new Int32Array(n);
  for (let k = 0; k < n; k++) xs[k] = fmix32(sh[k]);
  // four hashes at a time over all shingles, their minima in registers (a third of the time of
  // updating 120 minima per shingle); NUM_HASHES is a multiple of 4
  const out = new Array<number>(NUM_HASHES);
  for (let i = 0; i < NUM_HASHES; i += 4) {
    const a0 = A[i], a1 = A[i + 1], a2 = A[i + 2], a3 = A[i + 3];
    const b0 = B[i], b1 = B[i + 1], b2 = B[i + 2], b3 = B[i + 3];
    let m0 = 0xffffffff;
    let m1 = 0xffffffff;
    let m2 = 0xffffffff;
    let m3 = 0xffffffff;
    for (let k = 0; k < n; k++) {
      const x = xs[k];
      const h0 = (Math.imul(x, a0) + b0) >>> 0;
      const h1 = (Math.imul(x, a1) + b1) >>> 0;
      const h2 = (Math.imul(x, a2) + b2) >>> 0;
      const h3 = (Math.imul(x, a3) + b3) >>> 0;
      if (h0 < m0) m0 = h0;
      if (h1 < m1) m1 = h1;
      if (h2 < m2) m2 = h2;
      if (h3 < m3) m3 = h3;
    }
    out[i] = m0 | 0;
    out[i + 1] = m1 | 0;
    out[i + 2] = m2 | 0;
    out[i + 3] = m3 | 0;
  }
  return out;
}

/** LSH band keys: 'band index:hash of its rows'. Texts sharing a key are candidates. */
export function bandKeys(sig: number[]): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h ^ sig[b * ROWS + r], 0x01000193));
    out.push(`${b.toString(36)}:${h.toString(36)}`);
  }
  return out;
}

export interface Fingerprint {
  canon: string;
  shingles: Uint32Array;
  minhash: number[];
  bands: string[];
}

export function fingerprint(text: string, alreadyNormalized = false): Fingerprint {
  const canon = canonical(text, alreadyNormalized);
  const sh = shingles(canon);
  const sig = minhash(sh);
  return { canon, shingles: sh, minhash: sig, bands: bandKeys(sig) };
}

/**
 * Similarity of two shingle sets in [0, 1]: the Jaccard index, or — when the smaller text is
 * long enough to mean something (≥ 20 shingles) — 0.9 × its containment in the other, so a
 * truncated re-submission still scores high.
 */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  if (!a.length || !b.length) return 0;
  let inter = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const small = Math.min(a.length, b.length);
  const jaccard = inter / (a.length + b.length - inter);
  const containment = small >= 20 ? (0.9 * inter) / small : 0;
  return Math.max(jaccard, containment);
}

/** At or above this similarity two tickets are reported as possible duplicates. */
export const DUPLICATE_THRESHOLD = 0.5;
/** Same phone and at least this similar: the caller is calling again about the same issue. */
export const REPEAT_THRESHOLD = 0.3;

// Characters of function words, of "still not fixed" talk, and of place names' suffixes (a
// caller's calls all name their village): bigrams holding one say nothing about the issue.
const COMMON = new Set([...'的了是在和有我你他她它们这那就都也很吗呢吧啊与及或被把对于从为让给还没不已又再省市区县镇乡村街道社居委'].map((c) => c.charCodeAt(0)));
export function contentBigrams(canon: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= canon.length; i++) {
    if (COMMON.has(canon.charCodeAt(i)) || COMMON.has(canon.charCodeAt(i + 1))) continue;
    out.add(canon.slice(i, i + 2));
  }
  return out;
}

/**
 * For the same caller: is this a restatement of an earlier issue ("东源村水管破裂的事还没人来修" after
 * "东源村自来水管道破裂，停水三天了")? It shares the issue's words though not 3-character shingles:
 * at least 3 content bigrams (contentBigrams of each canonical text), and ≥ 30% of the shorter text's.
 */
export function sameCallerIssue(a: Set<string>, b: Set<string>): boolean {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const g of small) if (big.has(g)) inter++;
  return inter >= 3 && inter >= 0.3 * small.size;
}

/** The text a ticket is fingerprinted on. */
export const ticketText = (t: { title: string; content: string }) => `${t.title} ${t.content}`;
