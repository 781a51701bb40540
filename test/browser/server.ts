// Browser-test support: a real server (in-process, random port, fresh PGlite DB with the test
// fixture) serving the built web app, and a chromium from Debian driven by playwright-core.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createTestDb, type TestDb } from '../../src/test/harness.ts';
import { seedTestFixture, type Fixture } from '../../src/test/fixture.ts';
import { buildApp } from '../../src/server/app.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    m = Math.max(m, newest(join(path, name)));
  }
  return m;
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function webIsFresh(): boolean {
  const built = join(ROOT, 'web/dist/index.html');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(newest(join(ROOT, 'web/src')), newest(join(ROOT, 'web/index.html')), newest(join(ROOT, 'web/vite.config.ts')), newest(join(ROOT, 'src/contract')));
  return builtAt > sourcesAt;
}

/**
 * Builds web/dist when it is missing or older than the web sources or the contract. Test files run
 * in parallel, so one process builds (a lock directory) while the others wait; the build goes to a
 * temporary directory and is copied in, index.html last, without deleting the files that servers
 * already running may still hand out.
 */
export function ensureWebBuilt(): void {
  if (webIsFresh()) return;
  const lock = join(ROOT, 'web/.build-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      sleepSync(1000);
    }
  }
  try {
    if (webIsFresh()) return;
    const tmp = join(ROOT, `web/.dist-${process.pid}`);
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--outDir', tmp, '--logLevel', 'warn'], {
      cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' },
    });
    if (r.status !== 0) throw new Error('web build failed (npm run build:web)');
    const dist = join(ROOT, 'web/dist');
    mkdirSync(dist, { recursive: true });
    for (const name of readdirSync(tmp)) if (name !== 'index.html') cpSync(join(tmp, name), join(dist, name), { recursive: true, force: true });
    cpSync(join(tmp, 'index.html'), join(dist, 'index.html'), { force: true });
    rmSync(tmp, { recursive: true, force: true });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface TestServer {
  url: string;
  app: Awaited<ReturnType<typeof buildApp>>;
  db: TestDb;
  fixture: Fixture;
  close: () => Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  ensureWebBuilt();
  const db = await createTestDb('pglite');
  db.deps.now = () => new Date();
  const fixture = await seedTestFixture(db.deps);
  const app = await buildApp(db.deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db,
    fixture,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
