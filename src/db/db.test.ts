import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { lockDataDir } from './db.ts';

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
