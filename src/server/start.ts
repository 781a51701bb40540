// Starts a Lianxin node: open the database, migrate, seed the demo when asked and empty,
// then serve HTTP and/or run the background worker (LIANXIN_SERVICES=web,worker).
import { loadConfig, type Config } from '../config.ts';
import { openDatabase } from '../db/db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildApp } from './app.ts';
import type { Deps } from './deps.ts';
import { createLogger } from './logger.ts';

export async function openDeps(config: Config = loadConfig()): Promise<{ deps: Deps; close: () => Promise<void> }> {
  const log = createLogger(config.logLevel);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database.db);
  const deps: Deps = { db: database.db, dbKind: database.kind, dataDir: config.dataDir, nodeId: config.nodeId, log, now: () => new Date() };
  return { deps, close: () => database.close() };
}

export async function startServer(opts: { demo?: boolean; config?: Config } = {}) {
  const config = opts.config ?? loadConfig();
  const { deps, close } = await openDeps(config);
  if (opts.demo) {
    const { seedDemoIfEmpty } = await import('../demo/seed-demo.ts');
    await seedDemoIfEmpty(deps, { password: config.demoPassword });
  }
  let stopWorker: (() => Promise<void>) | undefined;
  if (config.services.has('worker')) {
    const { startWorker } = await import('../jobs/worker.ts');
    stopWorker = await startWorker(deps);
  }
  const app = await buildApp(deps);
  if (config.services.has('web')) {
    await app.listen({ port: config.port, host: config.host });
    deps.log.info(`Lianxin serving on http://localhost:${config.port} (db: ${deps.dbKind})`);
  }
  const shutdown = async () => {
    await app.close();
    await stopWorker?.();
    await close();
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void shutdown().then(() => process.exit(0)));
  return { app, deps, shutdown };
}
