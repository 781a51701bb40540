// Latency of POST /api/v1/nlp/analyze's domain function on warm caches, over an embedded PGlite
// database holding the 宁德市 division tree, the test fixture's categories and rules, open tickets
// (signatures indexed) and closed tickets with replies. Uses the wenzheng2020 messages when
// present (../shared/data/wenzheng2020), synthetic texts otherwise.
//   npx tsx scripts/bench-analyze.ts [--open 3000] [--closed 2000] [--runs 1000] [--no-model]
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pino from 'pino';
import { openDatabase } from '../src/db/db.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Deps } from '../src/server/deps.ts';
import { seedTestFixture } from '../src/test/fixture.ts';
import { cityDivisions } from '../src/nlp/address/test-divisions.ts';
import { indexMissingSignatures } from '../src/nlp/dedupe/find-duplicates.ts';
import { analyzeRequest, setPredictor } from '../src/nlp/analyze.ts';
import { classify, loadModel } from '../src/nlp/classifier/model.ts';
import { trainClassifier } from '../src/nlp/classifier/train.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: number) => (args.includes(`--${n}`) ? Number(args[args.indexOf(`--${n}`) + 1]) : d);
const DATA = '../shared/data/wenzheng2020';

interface Msg { title: string; body: string; reply?: string }
function load(file: string, n: number): Msg[] {
  const p = `${DATA}/${file}`;
  if (existsSync(p)) return readFileSync(p, 'utf8').split('\n').filter(Boolean).slice(0, n).map((l) => JSON.parse(l));
  const topics = ['路灯不亮', '停水三天', '夜间施工噪音', '占道经营', '公交班次太少', '拖欠工资', '物业乱收费', '垃圾没人清运'];
  return Array.from({ length: n }, (_, i) => ({
    title: `${topics[i % topics.length]}${i}`,
    body: `柘荣县双城镇第${i}号反映：${topics[i % topics.length]}，已经持续很久，希望有关部门尽快处理。编号${i * 7919}`,
    reply: '经核查，已安排人员处理。',
  }));
}

const database = await openDatabase({ memory: true });
await migrateToLatest(database.db);
const deps: Deps = { db: database.db, dbKind: 'pglite', dataDir: '/tmp', nodeId: 'bench', log: pino({ level: 'silent' }), now: () => new Date() };
await seedTestFixture(deps);
const divs = cityDivisions('3509');
for (let i = 0; i < divs.length; i += 500) await deps.db.insertInto('divisions').values(divs.slice(i, i + 500)).onConflict((oc) => oc.column('code').doNothing()).execute();
const villages = divs.filter((d) => d.level === 5).map((d) => d.code);

const open = load('messages-with-votes.jsonl', opt('open', 3000));
const closed = load('messages-with-replies.jsonl', opt('closed', 2000));
const t0 = performance.now();
let seq = 0;
const row = (m: Msg, status: string, reply: string | null) => ({
  number: `B${++seq}`, channel: 'import', request_type: 'complaint', urgency: 'general', status, title: m.title.slice(0, 200),
  content: m.body, division_code: villages[seq % villages.length], received_at: new Date(Date.now() - (seq % 25) * 86400_000),
  reply_text: reply, closed_at: reply ? new Date() : null, resolved: reply ? true : null,
});
const rows = [...open.map((m) => row(m, 'dispatched', null)), ...closed.map((m) => row(m, 'closed', m.reply ?? '已处理'))];
for (let i = 0; i < rows.length; i += 200) await deps.db.insertInto('tickets').values(rows.slice(i, i + 200)).execute();
await indexMissingSignatures(deps);
const loadMs = performance.now() - t0;

// The category model as a deployment has it: trained on labelled.jsonl (when present), its 7
// labels standing for 7 of the fixture's level-1 categories; --no-model measures the keyword path.
let modelNote = 'no model (keyword categories)';
if (!args.includes('--no-model') && existsSync(`${DATA}/labelled.jsonl`)) {
  const labelled = readFileSync(`${DATA}/labelled.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const model = loadModel(trainClassifier(labelled.map((r) => ({ text: [r.title, r.body], label: String(r.label) })), { cvFolds: 0 }));
  const level1 = (await deps.db.selectFrom('categories').select(['code', 'name']).where('level', '=', 1).orderBy('code').execute());
  const labels = [...new Set(labelled.map((r) => String(r.label)))].sort();
  const codeOf = new Map(labels.map((l, i) => [l, level1[i % level1.length]]));
  setPredictor(async (_deps, text) => {
    const p = classify(model, text, 3);
    return {
      categories: p.candidates.map((c) => ({ code: codeOf.get(c.label)!.code, name: codeOf.get(c.label)!.name, confidence: c.confidence })),
      terms: p.explain.map((e) => e.term),
    };
  });
  modelNote = `category model trained on labelled.jsonl (${labelled.length} texts)`;
}

const queries = [...open.slice(0, 500), ...closed.slice(0, 500)];
const runs = opt('runs', 1000);
for (let i = 0; i < 50; i++) await analyzeRequest(deps, { title: queries[i].title, content: queries[i].body, phone: '13800000000' });
const times: number[] = [];
const cpu0 = process.cpuUsage();
for (let i = 0; i < runs; i++) {
  const q = queries[(i * 37) % queries.length];
  const s = performance.now();
  await analyzeRequest(deps, { title: q.title, content: q.body, phone: '13800000000' });
  times.push(performance.now() - s);
}
const cpu = process.cpuUsage(cpu0);
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(2);
const avgLen = queries.reduce((s, q) => s + q.title.length + q.body.length, 0) / queries.length;
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, PGlite in memory`);
console.log(`classifier: ${modelNote}`);
console.log(`data: ${divs.length} divisions, ${open.length} open + ${closed.length} closed tickets (loaded in ${(loadMs / 1000).toFixed(1)} s); texts avg ${avgLen.toFixed(0)} chars`);
console.log(`analyze × ${runs} (warm): p50 ${pct(50)} ms, p90 ${pct(90)} ms, p99 ${pct(99)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
// CPU time of this process per call (user + system, all threads): what the call costs whatever
// the machine's load; wall-clock percentiles above also include waiting for a core.
console.log(`cpu per call: ${((cpu.user + cpu.system) / 1000 / runs).toFixed(2)} ms, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
await database.close();
