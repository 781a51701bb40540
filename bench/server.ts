// A server for the intake benchmark, in its own process:
//   --mode full : the real Lianxin app (fixture seeded), POST /api/v1/tickets as an agent
//   --mode floor: a bare Fastify endpoint that only INSERTs one row into the same database
//   --mode analyze: the real app over the analyze benchmark's database (analyze-setup.ts)
// Prints "READY <port>" when listening.
import Fastify from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/db.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildApp } from '../src/server/app.ts';
import type { Deps } from '../src/server/deps.ts';

const arg = (name: string, dflt?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const mode = arg('mode', 'full');
const port = Number(arg('port', '0'));
const url = process.env.DATABASE_URL || undefined;
const dataDir = url ? undefined : mkdtempSync(join(tmpdir(), 'lx-bench-'));
const database = await openDatabase({ url, dataDir });
await migrateToLatest(database.db);

if (mode === 'floor') {
  await sql`create table if not exists bench_floor (id bigserial primary key, body jsonb not null, created_at timestamptz not null default now())`.execute(database.db);
  const app = Fastify({ logger: false });
  app.post('/floor', async (req, reply) => {
    const row = await database.db
      .insertInto('bench_floor' as never)
      .values({ body: JSON.stringify(req.body) } as never)
      .returning('id' as never)
      .executeTakeFirstOrThrow();
    return reply.status(201).send(row);
  });
  await app.listen({ port, host: '127.0.0.1' });
  console.log(`READY ${(app.server.address() as { port: number }).port}`);
} else if (mode === 'analyze') {
  const deps: Deps = { db: database.db, dbKind: database.kind, dataDir: dataDir ?? mkdtempSync(join(tmpdir(), 'lx-bench-files-')), nodeId: 'bench', log: pino({ level: 'warn' }), now: () => new Date() };
  const { setupAnalyzeBench } = await import('./analyze-setup.ts');
  const setup = await setupAnalyzeBench(deps, { open: Number(arg('open', '3000')), closed: Number(arg('closed', '3000')) });
  console.log(`SETUP ${JSON.stringify(setup)}`);
  const app = await buildApp(deps, { logger: false, web: false });
  // Server-side time of each request (first byte in → response handed to the socket), read and
  // reset by GET /bench/server-times: tells the server's share of what the client measures.
  let times: number[] = [];
  app.addHook('onRequest', async (req) => void ((req as unknown as { t0: number }).t0 = performance.now()));
  app.addHook('onResponse', async (req) => void times.push(performance.now() - (req as unknown as { t0: number }).t0));
  app.get('/bench/server-times', async () => {
    const out = times;
    times = [];
    return out;
  });
  await app.listen({ port, host: '127.0.0.1' });
  console.log(`READY ${(app.server.address() as { port: number }).port}`);
} else {
  const deps: Deps = { db: database.db, dbKind: database.kind, dataDir: dataDir ?? mkdtempSync(join(tmpdir(), 'lx-bench-files-')), nodeId: 'bench', log: pino({ level: 'warn' }), now: () => new Date() };
  const { seedTestFixture } = await import('../src/test/fixture.ts');
  await seedTestFixture(deps);
  const app = await buildApp(deps, { logger: false, web: false });
  await app.listen({ port, host: '127.0.0.1' });
  console.log(`READY ${(app.server.address() as { port: number }).port}`);
}
process.once('SIGTERM', () => process.exit(0)); // lets --cpu-prof write its profile
