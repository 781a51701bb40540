import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { seedTestFixture } from '../test/fixture.ts';
import { importFile } from './import-file.ts';
import { parseChinaTime } from './import-tickets.ts';
import { verifyChains } from './verify-chains.ts';

const WENZHENG = join(process.cwd(), '../shared/data/wenzheng2020/messages-with-replies.jsonl');

describe('parseChinaTime', () => {
  it('reads Beijing local times and ISO', () => {
    expect(parseChinaTime('2019/4/25 9:32:09')?.toISOString()).toBe('2019-04-25T01:32:09.000Z');
    expect(parseChinaTime('2026-01-02')?.toISOString()).toBe('2026-01-01T16:00:00.000Z');
    expect(parseChinaTime('2026-01-02T10:00:00Z')?.toISOString()).toBe('2026-01-02T10:00:00.000Z');
    expect(parseChinaTime('not a date')).toBeNull();
  });
});

describe.each(DB_KINDS)('history import on %s', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await seedTestFixture(t.deps);
  });
  afterAll(async () => t?.close());

  it('imports JSONL and CSV as closed tickets with reply times, idempotently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lx-import-'));
    const jsonl = join(dir, 'h.jsonl');
    writeFileSync(jsonl, [
      JSON.stringify({ id: 'a1', title: '路灯不亮', time: '2025/10/3 20:15:00', body: '双城镇城北路路灯坏了一个月。', reply: '已修复。', reply_time: '2025/10/9 10:00:00', category: '城乡建设' }),
      'not json',
      JSON.stringify({ id: 'a2', time: '2025/10/4 08:00:00', body: '富溪村自来水浑浊。' }),
    ].join('\n'));
    const csv = join(dir, 'h.csv');
    writeFileSync(csv, 'id,标题,内容,时间,答复,答复时间\nc1,"噪音","工地夜间施工,很吵\n影响休息",2025-11-01 23:00,已责令停工,2025-11-03 09:00\n');
    const r1 = await importFile(t.deps, jsonl);
    expect(r1).toMatchObject({ inserted: 2, invalid: 1 });
    const r2 = await importFile(t.deps, jsonl);
    expect(r2).toMatchObject({ inserted: 0, skipped: 2 });
    expect((await importFile(t.deps, csv)).inserted).toBe(1);
    const a1 = await t.deps.db.selectFrom('tickets').selectAll().where('source_ref', '=', 'a1').executeTakeFirstOrThrow();
    expect(a1.status).toBe('closed');
    expect(a1.number).toBe('LX20251003000001');
    expect(a1.category_code).toBe('01');
    expect(a1.replied_at?.toISOString()).toBe('2025-10-09T02:00:00.000Z');
    const c1 = await t.deps.db.selectFrom('tickets').selectAll().where('source_ref', '=', 'c1').executeTakeFirstOrThrow();
    expect(c1.content).toBe('工地夜间施工,很吵\n影响休息');
    expect((await verifyChains(t.deps)).problems).toEqual([]);
  });

  it.skipIf(!existsSync(WENZHENG))('imports the wenzheng2020 replies file', async () => {
    const r = await importFile(t.deps, WENZHENG, { batchSize: 1000 });
    expect(r.inserted).toBe(2814);
    const n = await t.deps.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('channel', '=', 'import').where('replied_at', 'is not', null).executeTakeFirstOrThrow();
    expect(n.n).toBeGreaterThanOrEqual(2814);
  });
});
