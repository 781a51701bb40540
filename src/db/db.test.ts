import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CompiledQuery } from 'kysely';
import { lockDataDir, preparedSql } from './db.ts';
import { DB_KINDS, createTestDb } from '../test/harness.ts';

describe('embedded data directory lock', () => {
  it('keeps a second process out, and takes over a lock left by a dead one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lx-lock-'));
    const release = lockDataDir(dir);
    // Another live process's lock is refused.
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', `import('${join(process.cwd(), 'src/db/db.ts')}').then(m => { try { m.lockDataDir('${dir}'); console.log('locked'); } catch (e) { console.log('refused'); } })`], { encoding: 'utf8' });
    expect(child.stdout).toContain('refused');
    release();
    // A stale lock (no such process) is taken over.
    writeFileSync(join(dir, '.lianxin.lock'), '999999');
    const again = lockDataDir(dir);
    again();
  });
});

describe.each(DB_KINDS)('prepared statements on %s', (kind) => {
  it('a marked statement gives the same results each time; on PostgreSQL it is prepared once per connection', async () => {
    const t = await createTestDb(kind);
    try {
      const text = preparedSql('lx_test_add', 'select $1::int + $2::int as n');
      await t.db.connection().execute(async (c) => {
        for (const [a, b] of [[1, 2], [40, 2], [-5, 5]]) {
          const r = await c.executeQuery<{ n: number }>(CompiledQuery.raw(text, [a, b]));
          expect(r.rows[0].n).toBe(a + b);
        }
        if (kind === 'postgres') {
          const p = await c.executeQuery<{ name: string }>(CompiledQuery.raw('select name from pg_prepared_statements'));
          expect(p.rows.map((x) => x.name)).toContain('lx_test_add');
        }
      });
      // Unmarked statements are not prepared by name.
      const r = await t.db.executeQuery<{ n: number }>(CompiledQuery.raw('select $1::int * 2 as n', [21]));
      expect(r.rows[0].n).toBe(42);
    } finally {
      await t.close();
    }
  });
});
