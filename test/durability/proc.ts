// Real server processes for the durability and multi-node checks: scratch databases, the
// `lianxin` CLI and `lianxin serve` as child processes, admin login over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/lianxin.js');
export type DbKind = 'pglite' | 'postgres';

export interface ScratchDb {
  kind: DbKind;
  /** Environment that points a `lianxin` process at this database. */
  env: Record<string, string>;
  /** PostgreSQL URL, or the PGlite data dir. */
  where: string;
  /** A temp dir for logs (and the PGlite data). */
  dir: string;
  drop(): Promise<void>;
}

/** The server PostgreSQL to create scratch databases on, if any. */
export function postgresBaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.LIANXIN_PG_URL || undefined;
}

/** A fresh empty database: a PGlite data dir in a temp dir, or a new PostgreSQL database. */
export async function createScratchDb(kind: DbKind, pgBase = postgresBaseUrl() ?? 'postgres://postgres@127.0.0.1:5432/postgres'): Promise<ScratchDb> {
  const dir = mkdtempSync(join(tmpdir(), `lx-${kind}-`));
  if (kind === 'pglite') {
    return {
      kind, dir, where: dir, env: { LIANXIN_DATA_DIR: dir },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const pg = (await import('pg')).default;
  const name = `lx_ops_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(pgBase);
  u.pathname = `/${name}`;
  const url = u.toString();
  return {
    kind, dir, where: url, env: { DATABASE_URL: url, LIANXIN_DATA_DIR: dir },
    drop: async () => {
      const c = new pg.Client({ connectionString: pgBase });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', NODE_NO_WARNINGS: '1', ...extra };
  // Never let the caller's database leak into a child that was given a PGlite dir.
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  delete env.VITEST;
  delete env.VITEST_WORKER_ID;
  delete env.VITEST_POOL_ID;
  return env;
}

/** Runs `lianxin ARGS…` to completion. */
export function runCli(args: string[], env: Record<string, string>, timeoutMs = 180_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

export interface ServerProc {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code / signal once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill9(): Promise<void>;
  /** SIGTERM (graceful shutdown), SIGKILL after `graceMs`; says how it ended and how long it took. */
  stop(graceMs?: number): Promise<{ graceful: boolean; ms: number }>;
}

/** Starts `lianxin serve` and waits until /api/health answers. Output goes to `logFile`. */
export async function startServer(opts: { env: Record<string, string>; port?: number; logFile: string; services?: string; readyMs?: number }): Promise<ServerProc> {
  const port = opts.port ?? (await freePort());
  const env = childEnv({ ...opts.env, PORT: String(port), HOST: '127.0.0.1', LIANXIN_SERVICES: opts.services ?? 'web' });
  const child = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + (opts.readyMs ?? 120_000);
  let dead = false;
  void exited.then(() => (dead = true));
  for (;;) {
    if (dead) throw new Error(`server exited before it was ready (log: ${opts.logFile})`);
    try {
      const r = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${opts.readyMs ?? 120_000} ms (log: ${opts.logFile})`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url, port, child, exited,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async (graceMs = 20_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return { graceful: child.exitCode === 0, ms: 0 };
      const t0 = Date.now();
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const ex = await exited;
      clearTimeout(t);
      return { graceful: ex.code === 0, ms: Date.now() - t0 };
    },
  };
}

/** Logs in and returns the Cookie header value (lx_session=…). */
export async function login(url: string, username: string, password: string): Promise<string> {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (!r.ok) throw new Error(`login as ${username} failed: ${r.status} ${await r.text()}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('lx_session='));
  if (!cookie) throw new Error('login returned no lx_session cookie');
  return cookie;
}

/** Runs `fn` over `items` with at most `n` at a time. */
export async function mapLimit<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  }));
  return out;
}

export const ADMIN_PASSWORD = 'Durability-Adm1n-2026';
