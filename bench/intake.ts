// Intake benchmark: the full intake path (as an agent: validate, route, deadlines, chained
// events, duplicate index) against a floor that only INSERTs one row, both driven by the same
// load generator (autocannon) over loopback in the same run, alternating rounds; medians.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { readFileSync, readdirSync } from 'node:fs';
import { once } from 'node:events';

export interface IntakeBenchOptions {
  dbs: ('pglite' | 'postgres')[];
  pgUrl?: string;
  rounds: number;
  seconds: number;
  connections: number;
}

const TEXTS = [
  '小区电梯经常停运，物业不处理，老人上下楼很困难。', '楼下餐馆油烟直排，窗户都不敢开。', '路灯坏了一个多月没人修，晚上很黑。',
  '工地夜间施工噪音很大，严重影响休息。', '公交站台被占用，乘客只能站在马路上等车。', '单位拖欠三个月工资，多次讨要无果。',
  '自来水发黄有异味，已经持续一周。', '学校门口早晚高峰车辆乱停，孩子过马路很危险。', '河道有人倾倒垃圾，气味难闻。', '小区物业乱收停车费。',
];

export async function startServer(mode: 'full' | 'floor' | 'analyze', db: 'pglite' | 'postgres', pgUrl?: string, extra: string[] = []): Promise<{ port: number; proc: ChildProcess; drop?: () => Promise<void>; out: () => string }> {
  const env = { ...process.env, LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv;
  let drop: (() => Promise<void>) | undefined;
  if (db === 'postgres') {
    const pg = (await import('pg')).default;
    const name = `lx_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(pgUrl!);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    delete env.DATABASE_URL;
  }
  // The server runs with the V8 settings `npm start` gives it (package.json); BENCH_NODE_ARGS adds more.
  const proc = spawn(process.execPath, ['--max-semi-space-size=64', ...(process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []), ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', 'bench/server.ts', '--mode', mode, '--port', '0', ...extra], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    proc.stdout!.on('data', (d) => {
      if (process.env.BENCH_SERVER_LOG) process.stderr.write(d); // e.g. with BENCH_NODE_ARGS=--trace-gc
      out += d;
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    proc.once('exit', (code) => reject(new Error(`bench server exited ${code}: ${out}`)));
  });
  return { port, proc, drop, out: () => out };
}

export async function stop(s: { proc: ChildProcess; drop?: () => Promise<void> }) {
  s.proc.kill('SIGTERM');
  await once(s.proc, 'exit').catch(() => {});
  await s.drop?.();
}

async function login(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'agent', password: 'Test-pass-1' }),
  });
  const c = res.headers.get('set-cookie') ?? '';
  return c.split(';')[0];
}

/** CPU seconds used so far by a process (Linux /proc; 0 elsewhere). */
export function cpuSeconds(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}
/** CPU seconds used so far by each PostgreSQL server process on this machine, by pid. */
export function postgresCpu(): Map<number, number> {
  const m = new Map<number, number>();
  try {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres') m.set(Number(d), cpuSeconds(Number(d)));
      } catch { /* gone */ }
    }
  } catch { /* no /proc */ }
  return m;
}
/** PostgreSQL CPU seconds spent since `before`: processes that exited meanwhile (idle backends timing out) are left out, not subtracted. */
export function postgresCpuSince(before: Map<number, number>): number {
  let sum = 0;
  for (const [pid, s] of postgresCpu()) sum += s - (before.get(pid) ?? 0);
  return sum;
}

/** Idle and total CPU time of the whole machine so far (Linux /proc/stat jiffies; 0 elsewhere). */
function machineCpu(): { idle: number; total: number } {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: f[3] + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
  } catch {
    return { idle: 0, total: 0 };
  }
}

async function load(port: number, path: string, cookie: string | null, o: IntakeBenchOptions, pid?: number) {
  let i = 0;
  const c0 = pid ? cpuSeconds(pid) : 0;
  const p0 = postgresCpu();
  const m0 = machineCpu();
  const g0 = process.cpuUsage();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: o.connections,
    duration: o.seconds,
    requests: [{
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      setupRequest: (req) => {
        i++;
        const body = {
          content: `${TEXTS[i % TEXTS.length]}（第${i}次反映）`,
          contact: { phone: `139${String(10000000 + (i % 9000000)).padStart(8, '0')}`, name: '市民' },
          type: 'complaint',
          categoryCode: '010101',
          divisionCode: '350926100',
          channel: 'hotline',
        };
        return { ...req, body: JSON.stringify(body) };
      },
    }],
  });
  const ok = result['2xx'];
  const g1 = process.cpuUsage(g0);
  const m1 = machineCpu();
  // The load generator's own CPU per request, and how idle the machine stayed (all cores).
  const loadUs = ok ? (g1.user + g1.system) / ok : 0;
  const idle = m1.total > m0.total ? (m1.idle - m0.idle) / (m1.total - m0.total) : 0;
  // CPU per acknowledged request: the server process, and PostgreSQL's processes (0 on PGlite).
  const serverUs = pid && ok ? ((cpuSeconds(pid) - c0) * 1e6) / ok : 0;
  const pgUs = ok ? (postgresCpuSince(p0) * 1e6) / ok : 0;
  return { rps: ok / o.seconds, p99: result.latency.p99, p50: result.latency.p50, errors: result.non2xx + result.errors, ok, serverUs, pgUs, loadUs, idle };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchIntake(o: IntakeBenchOptions) {
  const rows: string[] = [];
  const results: Record<string, unknown> = {};
  for (const db of o.dbs) {
    const full = await startServer('full', db, o.pgUrl);
    const floor = await startServer('floor', db, o.pgUrl);
    try {
      const cookie = await login(full.port);
      // Warm both (JIT, caches, models).
      await load(floor.port, '/floor', null, { ...o, seconds: 2 });
      await load(full.port, '/api/v1/tickets', cookie, { ...o, seconds: 2 });
      const f: Awaited<ReturnType<typeof load>>[] = [];
      const g: Awaited<ReturnType<typeof load>>[] = [];
      for (let r = 0; r < o.rounds; r++) {
        f.push(await load(floor.port, '/floor', null, o, floor.proc.pid));
        g.push(await load(full.port, '/api/v1/tickets', cookie, o, full.proc.pid));
        const cpu = (x: (typeof f)[number]) =>
          `CPU/req server ${x.serverUs.toFixed(0)} µs${db === 'postgres' ? ` + postgres ${x.pgUs.toFixed(0)} µs` : ''}, load generator ${x.loadUs.toFixed(0)} µs, machine idle ${(x.idle * 100).toFixed(0)}%`;
        console.log(`[${db}] round ${r + 1}: floor ${f[r].rps.toFixed(0)} req/s p99 ${f[r].p99} ms (${cpu(f[r])}) | intake ${g[r].rps.toFixed(0)} req/s p99 ${g[r].p99} ms (${cpu(g[r])}; errors ${g[r].errors}) | load average ${loadavg()[0].toFixed(1)}`);
      }
      const floorRps = median(f.map((x) => x.rps));
      const fullRps = median(g.map((x) => x.rps));
      const ratio = fullRps / floorRps;
      results[db] = { floorRps, fullRps, ratio, floorP99: median(f.map((x) => x.p99)), fullP99: median(g.map((x) => x.p99)), errors: g.reduce((s, x) => s + x.errors, 0) };
      const us = (xs: typeof f) => `${median(xs.map((x) => x.serverUs)).toFixed(0)}${db === 'postgres' ? ` + ${median(xs.map((x) => x.pgUs)).toFixed(0)}` : ''}`;
      rows.push(`| ${db} | ${floorRps.toFixed(0)} | ${median(f.map((x) => x.p99))} | ${us(f)} | ${fullRps.toFixed(0)} | ${median(g.map((x) => x.p99))} | ${us(g)} | ${(ratio * 100).toFixed(0)}% |`);
    } finally {
      await stop(full);
      await stop(floor);
    }
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const table = [
    `Date: ${new Date().toISOString().slice(0, 10)} · machine: ${machine} · ${o.rounds} rounds × ${o.seconds} s, ${o.connections} connections, medians`,
    '',
    '| database | floor req/s | floor p99 ms | floor CPU µs/req (server + postgres) | intake req/s | intake p99 ms | intake CPU µs/req | intake / floor |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  return { results, table };
}
