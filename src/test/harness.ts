// Test databases: every DB test runs on PGlite (in memory) and, when TEST_DATABASE_URL is set,
// again on PostgreSQL in a fresh database of its own that is dropped afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openDatabase, type Database, type DbKind } from '../db/db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Deps } from '../server/deps.ts';

export const DB_KINDS: DbKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDb extends Database {
  deps: Deps;
  clock: { now: Date; set(d: Date | string): void; advanceHours(h: number): void };
}

async function createPgDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const pg = (await import('pg')).default;
  const name = `lx_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function createTestDb(kind: DbKind): Promise<TestDb> {
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  if (kind === 'postgres') {
    const created = await createPgDatabase(process.env.TEST_DATABASE_URL!);
    drop = created.drop;
    database = await openDatabase({ url: created.url });
  } else {
    database = await openDatabase({ memory: true });
  }
  await migrateToLatest(database.db);
  const clock = {
    now: new Date(),
    set(d: Date | string) {
      clock.now = new Date(d);
    },
    advanceHours(h: number) {
      clock.now = new Date(clock.now.getTime() + h * 3600_000);
    },
  };
  const deps: Deps = {
    db: database.db,
    dbKind: kind,
    dataDir: mkdtempSync(join(tmpdir(), 'lx-test-')),
    nodeId: 'test-node',
    log: pino({ level: 'silent' }),
    now: () => clock.now,
  };
  return {
    ...database,
    deps,
    clock,
    close: async () => {
      await database.close();
      await drop?.();
    },
  };
}
