// Test helper: a second "app node" on the same database. On PostgreSQL it opens a separate pool
// (separate connections, like another process); on PGlite it shares the one embedded session.
import { sql } from 'kysely';
import { openDatabase } from '../db/db.ts';
import type { Deps } from '../server/deps.ts';
import type { TestDb } from '../test/harness.ts';

export async function secondNode(t: TestDb, nodeId = 'node-b'): Promise<{ deps: Deps; close: () => Promise<void> }> {
  if (t.kind !== 'postgres') return { deps: { ...t.deps, nodeId }, close: async () => {} };
  const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(t.db);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${rows[0].db}`;
  const other = await openDatabase({ url: url.toString() });
  return { deps: { ...t.deps, db: other.db, nodeId }, close: () => other.close() };
}
