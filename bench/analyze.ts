// Analyze benchmark: POST /api/v1/nlp/analyze over HTTP (keep-alive, loopback) as the agent
// console calls it while an agent types, against the real app in its own process with a
// deployment's data and trained models (analyze-setup.ts). Measures the latency one client sees
// (sequential requests) and with 4 clients at once, and the server's CPU per request.
import http from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { cpuSeconds, postgresCpu, postgresCpuSince, startServer, stop } from './intake.ts';
import { BENCH_PASSWORD } from './analyze-setup.ts';

export interface AnalyzeBenchOptions {
  dbs: ('pglite' | 'postgres')[];
  pgUrl?: string;
  requests: number;
  open: number;
  closed: number;
}

interface Query { title: string; content: string }

function queries(): Query[] {
  const DATA = '../shared/data/wenzheng2020';
  const read = (f: string) => (existsSync(`${DATA}/${f}`) ? readFileSync(`${DATA}/${f}`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);
  const msgs: { title: string; body: string }[] = [...read('messages-with-votes.jsonl').slice(0, 500), ...read('messages-with-replies.jsonl').slice(0, 500)];
  if (!msgs.length) {
    for (let i = 0; i < 400; i++) msgs.push({ title: `小区路灯坏了${i}`, body: `柘荣县双城镇城北社区${i % 20}号楼前路灯不亮一个多月，晚上出行不便，希望尽快修复。` });
  }
  return msgs.map((m) => ({ title: m.title, content: m.body || m.title }));
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function post(port: number, path: string, body: string | null, cookie?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = { ...(body === null ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }), ...(cookie ? { cookie } : {}) };
    const req = http.request({ host: '127.0.0.1', port, path, method: body === null ? 'GET' : 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

// every request a caller not seen before: the repeat-caller check is a fresh lookup each time
let calls = 0;
// Requests before measuring: the p99 of even a trivial GET settles only after ~4,000 (JIT of client and server).
const WARM_UP = 4000;

async function serverTimes(port: number, sorted = true): Promise<number[]> {
  const res = await new Promise<string>((resolve, reject) =>
    http.get({ host: '127.0.0.1', port, path: '/bench/server-times', agent }, (r) => {
      let b = '';
      r.on('data', (c) => (b += c));
      r.on('end', () => resolve(b));
    }).on('error', reject));
  const xs = JSON.parse(res) as number[];
  return sorted ? xs.sort((a, b) => a - b) : xs;
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function run(port: number, cookie: string, qs: Query[] | null, n: number, clients: number, pid?: number) {
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const c0 = pid ? cpuSeconds(pid) : 0;
  const p0 = postgresCpu();
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    for (;;) {
      const i = next++;
      if (i >= n) return;
      const s = performance.now();
      const res = qs ? await post(port, '/api/v1/nlp/analyze', JSON.stringify({ ...qs[(i * 37) % qs.length], phone: `139${String(10000000 + ++calls).padStart(8, '0')}` }), cookie) : await post(port, '/api/v1/auth/me', null, cookie);
      times.push(performance.now() - s);
      if (res.status !== 200) errors++;
    }
  }));
  const wall = (performance.now() - started) / 1000;
  const inOrder = [...times];
  times.sort((a, b) => a - b);
  // the previous read of the server's times is itself the first time recorded after it
  const serverInOrder = (await serverTimes(port, false)).slice(-n);
  const server = [...serverInOrder].sort((a, b) => a - b);
  if (process.env.BENCH_GAPS && clients === 1 && serverInOrder.length === inOrder.length) {
    // client time minus server time of the same request: what the server did not count
    const gaps = inOrder.map((c, i) => ({ gap: c - serverInOrder[i], c, s: serverInOrder[i] })).sort((a, b) => a.gap - b.gap);
    const at = (p: number) => gaps[Math.min(gaps.length - 1, Math.floor((p / 100) * gaps.length))];
    console.log(`gaps: p50 ${at(50).gap.toFixed(2)} p90 ${at(90).gap.toFixed(2)} p99 ${at(99).gap.toFixed(2)} max ${at(100).gap.toFixed(2)}; slowest clients:`,
      [...inOrder.keys()].sort((a, b) => inOrder[b] - inOrder[a]).slice(0, 12).map((i) => `${inOrder[i].toFixed(1)}=${serverInOrder[i].toFixed(1)}+${(inOrder[i] - serverInOrder[i]).toFixed(1)}`).join(' '));
  }
  return {
    p50: pct(times, 50), p90: pct(times, 90), p99: pct(times, 99), max: times[times.length - 1], rps: n / wall, errors,
    serverP50: pct(server, 50), serverP99: pct(server, 99),
    serverMs: pid ? ((cpuSeconds(pid) - c0) * 1000) / n : 0, pgMs: (postgresCpuSince(p0) * 1000) / n,
  };
}

export async function benchAnalyze(o: AnalyzeBenchOptions) {
  const rows: string[] = [];
  const qs = queries();
  let setupNote = '';
  for (const db of o.dbs) {
    const server = await startServer('analyze', db, o.pgUrl, ['--open', String(o.open), '--closed', String(o.closed)]);
    try {
      const setup = JSON.parse(/SETUP (.*)/.exec(server.out())?.[1] ?? '{}');
      setupNote = `${setup.source} texts: ${setup.closed} closed + ${setup.open} open tickets on the demo city, models ${(setup.models ?? []).join(', ')}`;
      console.log(`[${db}] set up in ${Number(setup.seconds).toFixed(0)} s: ${setupNote}`);
      const login = await post(server.port, '/api/v1/auth/login', JSON.stringify({ username: 'agent', password: BENCH_PASSWORD }));
      const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0];
      if (login.status !== 200 || !cookie) throw new Error(`login failed: ${login.status} ${login.text}`);
      await run(server.port, cookie, qs, WARM_UP, 1); // warm-up: JIT (of both processes), models, caches
      await serverTimes(server.port);
      // The floor: an authenticated GET of the session's user, through the same HTTP stack.
      await run(server.port, cookie, null, WARM_UP, 1);
      const me = await run(server.port, cookie, null, o.requests, 1, server.proc.pid);
      const one = await run(server.port, cookie, qs, o.requests, 1, server.proc.pid);
      const four = await run(server.port, cookie, qs, o.requests, 4, server.proc.pid);
      const f = (x: number) => x.toFixed(2);
      const cpu = (r: typeof one) => `${f(r.serverMs)}${db === 'postgres' ? ` + ${f(r.pgMs)}` : ''}`;
      console.log(`[${db}] floor GET /api/v1/auth/me: p50 ${f(me.p50)} p99 ${f(me.p99)} ms (in the server: p99 ${f(me.serverP99)}), server CPU ${f(me.serverMs)} ms/req`);
      console.log(`[${db}] 1 client: p50 ${f(one.p50)} p90 ${f(one.p90)} p99 ${f(one.p99)} max ${f(one.max)} ms (in the server: p50 ${f(one.serverP50)} p99 ${f(one.serverP99)}), errors ${one.errors} | 4 clients: p50 ${f(four.p50)} p99 ${f(four.p99)} ms, ${four.rps.toFixed(0)} req/s, errors ${four.errors} | load average ${loadavg()[0].toFixed(1)}`);
      rows.push(`| ${db} | ${f(me.p50)} / ${f(me.p99)} / ${f(me.serverMs)} | ${f(one.p50)} | ${f(one.p90)} | **${f(one.p99)}** | ${f(one.max)} | ${f(one.serverP50)} / **${f(one.serverP99)}** | ${cpu(one)} | ${f(four.p50)} | ${f(four.p99)} | ${four.rps.toFixed(0)} | ${one.errors + four.errors} |`);
    } finally {
      await stop(server);
    }
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const table = [
    `Date: ${new Date().toISOString().slice(0, 10)} · machine: ${machine} · ${setupNote} · ${o.requests} requests per phase after ${WARM_UP} warm-up`,
    '',
    '| database | floor (GET /auth/me) p50 / p99 / CPU ms | 1 client p50 ms | p90 ms | p99 ms | max ms | in the server p50 / p99 ms | server CPU ms/req (+ postgres) | 4 clients p50 ms | 4 clients p99 ms | 4 clients req/s | errors |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  return { table };
}
