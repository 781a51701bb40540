// Browser-test support: a real server (in-process, random port, fresh PGlite DB with the test
// fixture) serving the built web app, and a chromium from Debian driven by playwright-core.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

/** Builds web/dist when it is missing or older than the web sources or the contract. */
export function ensureWebBuilt(): void {
  const built = join(ROOT, 'web/dist/index.html');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(newest(join(ROOT, 'web/src')), newest(join(ROOT, 'web/index.html')), newest(join(ROOT, 'web/vite.config.ts')), newest(join(ROOT, 'src/contract')));
  if (builtAt > sourcesAt) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('web build failed (npm run build:web)');
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
