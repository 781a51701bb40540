// Duplicate-detection benchmark on real messages (default: ../shared/data/wenzheng2020/
// messages-with-votes.jsonl). Every message is indexed exactly as intake indexes a ticket
// (normalise → 3-gram shingles → MinHash → LSH bands); then sampled messages are re-submitted
// with small edits, in traditional characters, with extra spaces/punctuation/full-width forms,
// truncated, or all of these at once, and we count how often the original comes back as a
// duplicate (catch rate). False merges: random pairs of different messages scored as duplicates.
//   npx tsx scripts/eval-dedupe.ts [FILE.jsonl] [--sample 1000] [--pairs 20000] [--seed 7]
import { readFileSync, existsSync } from 'node:fs';
import { Converter } from 'opencc-js/cn2t';
import { DUPLICATE_THRESHOLD, fingerprint, similarity, type Fingerprint } from '../src/nlp/dedupe/minhash.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? '../shared/data/wenzheng2020/messages-with-votes.jsonl';
if (!existsSync(file)) {
  console.error(`no data file at ${file}`);
  process.exit(2);
}
let seed = opt('seed', 7);
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

interface Msg { id: string; title: string; body: string }
const msgs: Msg[] = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const text = (m: { title: string; body: string }) => `${m.title} ${m.body}`;

// Index every message: band key → message indexes.
const t0 = performance.now();
const fps: Fingerprint[] = msgs.map((m) => fingerprint(text(m)));
const bands = new Map<string, number[]>();
fps.forEach((f, i) => f.bands.forEach((b) => (bands.get(b) ?? bands.set(b, []).get(b)!).push(i)));
const indexMs = performance.now() - t0;

function query(t: string): { idx: number; sim: number }[] {
  const f = fingerprint(t);
  const cand = new Set<number>();
  for (const b of f.bands) for (const i of bands.get(b) ?? []) cand.add(i);
  const out: { idx: number; sim: number }[] = [];
  for (const i of cand) {
    const s = similarity(f.shingles, fps[i].shingles);
    if (s >= DUPLICATE_THRESHOLD) out.push({ idx: i, sim: s });
  }
  return out;
}

// Variant generators: what a re-submission of the same complaint looks like.
const toTw = Converter({ from: 'cn', to: 'twp' });
const hanPool = [...msgs.slice(0, 300).map((m) => m.body).join('').replace(/[^\u4e00-\u9fff]/g, '')];
function edit(s: string): string {
  const chars = [...s];
  const n = Math.max(2, Math.round(chars.length * 0.05));
  for (let k = 0; k < n; k++) {
    const i = Math.floor(rand() * chars.length);
    const r = rand();
    if (r < 0.4) chars[i] = pick(hanPool);
    else if (r < 0.7) chars.splice(i, 1);
    else chars.splice(i, 0, pick(hanPool));
  }
  return chars.join('');
}
const NOISE = [' ', '  ', '，', '。', '！', '　', '...', '、', '\n'];
function spacing(s: string): string {
  let out = '';
  for (const ch of s) {
    out += /[0-9a-zA-Z]/.test(ch) && rand() < 0.5 ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch;
    if (rand() < 0.1) out += pick(NOISE);
  }
  return out;
}
const truncate = (m: Msg) => `${m.title} ${m.body.slice(0, Math.ceil(m.body.length * (0.5 + rand() * 0.35)))}`;
const VARIANTS: Record<string, (m: Msg) => string> = {
  edit: (m) => `${edit(m.title)} ${edit(m.body)}`,
  traditional: (m) => toTw(text(m)),
  spacing: (m) => spacing(text(m)),
  truncate,
  combined: (m) => spacing(toTw(edit(truncate(m)))),
};

const sample = Math.min(opt('sample', 1000), msgs.length);
const order = msgs.map((_, i) => i).sort(() => rand() - 0.5).slice(0, sample);
const results: Record<string, { caught: number; n: number; extra: number }> = {};
let queryTime = 0;
let queries = 0;
for (const [name, make] of Object.entries(VARIANTS)) {
  const r = (results[name] = { caught: 0, n: 0, extra: 0 });
  for (const i of order) {
    const variant = make(msgs[i]);
    const q0 = performance.now();
    const hits = query(variant);
    queryTime += performance.now() - q0;
    queries++;
    r.n++;
    if (hits.some((h) => h.idx === i)) r.caught++;
    if (hits.some((h) => h.idx !== i)) r.extra++;
  }
}
const queryMs = queryTime / queries;

// False merges: random pairs of different messages.
const pairs = opt('pairs', 20000);
let fm = 0;
const fmExamples: string[] = [];
for (let k = 0; k < pairs; k++) {
  const a = Math.floor(rand() * msgs.length);
  let b = Math.floor(rand() * msgs.length);
  if (b === a) b = (b + 1) % msgs.length;
  if (similarity(fps[a].shingles, fps[b].shingles) >= DUPLICATE_THRESHOLD) {
    fm++;
    if (fmExamples.length < 5) fmExamples.push(`${msgs[a].title} | ${msgs[b].title}`);
  }
}

console.log(`file: ${file} (${msgs.length} messages), sample ${sample} per variant, threshold ${DUPLICATE_THRESHOLD}`);
console.log(`index build ${indexMs.toFixed(0)} ms; query ${queryMs.toFixed(2)} ms each (in-memory LSH)`);
console.log('variant       caught   rate    queries that also matched another message');
let caught = 0;
let n = 0;
for (const [name, r] of Object.entries(results)) {
  caught += r.caught;
  n += r.n;
  console.log(`${name.padEnd(12)} ${String(r.caught).padStart(5)}/${r.n}  ${((100 * r.caught) / r.n).toFixed(1)}%   ${r.extra}`);
}
console.log(`overall      ${caught}/${n}  ${((100 * caught) / n).toFixed(1)}%`);
console.log(`false merges on ${pairs} random unrelated pairs: ${fm} (${((100 * fm) / pairs).toFixed(3)}%)`);
for (const e of fmExamples) console.log(`  e.g. ${e}`);
