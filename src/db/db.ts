// Opens the database: PGlite (embedded, data under the data dir) by default, PostgreSQL when a
// URL is given. Both speak the same SQL; the same migrations serve both.
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from './schema.ts';

export type DbKind = 'pglite' | 'postgres';
export interface Database {
  db: Kysely<DB>;
  kind: DbKind;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNum = (v: string) => (v === null ? v : Number(v));
const asIs = (v: string) => v;

/** A statement whose text starts with this marker (see `preparedSql`) is prepared once per connection. */
const PREPARED = /^\/\* prepared:([A-Za-z0-9_]+) \*\//;

/**
 * Marks a hot statement's text so that on PostgreSQL it runs as a named prepared statement:
 * parsed, analysed and planned once per connection instead of on every execution (for intake's
 * group statement that was a fifth of PostgreSQL's CPU). One name, one text. PGlite reads the
 * marker as the comment it is.
 */
export function preparedSql(name: string, text: string): string {
  return `/* prepared:${name} */ ${text}`;
}

interface PgClientLike {
  query: (...args: any[]) => any;
  release: (err?: Error | boolean) => void;
}
function withPreparedStatements<C extends PgClientLike>(pool: { connect(): Promise<C>; end(): Promise<void> }) {
  const patched = new WeakSet<C>();
  return {
    async connect(): Promise<C> {
      const client = await pool.connect();
      if (!patched.has(client)) {
        patched.add(client);
        const query = client.query.bind(client);
        client.query = (text: unknown, values?: unknown[]) => {
          const m = typeof text === 'string' ? PREPARED.exec(text) : null;
          return m ? query({ name: m[1], text, values }) : query(text, values);
        };
      }
      return client;
    },
    end: () => pool.end(),
  };
}

export async function openDatabase(opts: { url?: string; dataDir?: string; memory?: boolean }): Promise<Database> {
  if (opts.url) {
    const pg = await import('pg');
    const types = pg.default.types;
    types.setTypeParser(INT8, toNum);
    types.setTypeParser(NUMERIC, toNum);
    types.setTypeParser(DATE, asIs);
    const pool = new pg.default.Pool({
      connectionString: opts.url,
      max: Number(process.env.LIANXIN_DB_POOL ?? 10),
    });
    pool.on('error', () => {}); // idle client errors are retried by the pool
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  let dataDir: string | undefined;
  if (!opts.memory) {
    const base = opts.dataDir ?? './data';
    mkdirSync(base, { recursive: true });
    dataDir = join(base, 'pglite');
  }
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  const pg = new PGlite(dataDir, {
    parsers: { [INT8]: toNum, [NUMERIC]: toNum, [DATE]: asIs },
  });
  await pg.waitReady;
  const { PGliteDialect } = await import('./pglite-dialect.ts');
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pg) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}

/**
 * PGlite is one process's database: a second process opening the same data directory would
 * corrupt it. An exclusive lock file holding our PID keeps a second one out; a lock left by a
 * process that no longer runs (kill -9) is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, '.lianxin.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(`the embedded database in ${dir} is in use by process ${pid}; stop it first (or use PostgreSQL via DATABASE_URL for several processes)`);
      }
      unlinkSync(file); // stale: its process is gone
    }
  }
  throw new Error(`could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
