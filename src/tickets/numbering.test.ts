import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { NumberPool, reserveNumbers } from './numbering.ts';

const seq = (n: string) => Number(n.slice(-6));

describe.each(DB_KINDS)('ticket numbers on %s', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => t?.close());

  const counter = async (day: string) =>
    (await t.db.selectFrom('ticket_number_seq').select('last').where('day', '=', day).executeTakeFirst())?.last ?? 0;

  it('at a trickle the pool reserves exactly what it hands out: consecutive numbers, no gaps', async () => {
    let now = Date.parse('2026-03-02T09:00:00+08:00');
    const pool = new NumberPool(t.db, () => now);
    const got: string[] = [];
    for (let i = 0; i < 5; i++) {
      got.push(...(await pool.take([new Date(now)])));
      now += 1500;
    }
    expect(got).toEqual(['LX20260302000001', 'LX20260302000002', 'LX20260302000003', 'LX20260302000004', 'LX20260302000005']);
    expect(await counter('20260302')).toBe(5);
  });

  it('under load it reserves a block ahead for today (about 0.1 s of intake) and hands it out without a round trip', async () => {
    let now = Date.parse('2026-03-03T09:00:00.000+08:00');
    const pool = new NumberPool(t.db, () => now);
    const at = () => [new Date(now)];
    for (let i = 0; i < 300; i++) await pool.take(at()); // 300 tickets in one second
    expect(await counter('20260303')).toBe(300);
    now += 1000;
    const first = await pool.take(at());
    expect(await counter('20260303')).toBe(330); // a block of 30 = 300/s × 0.1 s
    const rest: string[] = [];
    for (let i = 0; i < 29; i++) rest.push(...(await pool.take(at())));
    expect(await counter('20260303')).toBe(330); // served from the block
    expect([...first, ...rest].map(seq)).toEqual(Array.from({ length: 30 }, (_, i) => 301 + i));
    // Another day (a back-dated ticket) gets exactly what it needs, even now.
    await pool.take([new Date('2026-03-01T12:00:00+08:00'), new Date('2026-03-01T13:00:00+08:00')]);
    expect(await counter('20260301')).toBe(2);
  });

  it('concurrent groups on two nodes (two pools) and the plain reservation never share a number', async () => {
    let now = Date.parse('2026-03-04T09:00:00+08:00');
    const a = new NumberPool(t.db, () => now);
    const b = new NumberPool(t.db, () => now);
    const day = () => new Date(now);
    const all: string[] = [];
    for (let round = 0; round < 4; round++) {
      const groups = await Promise.all([
        ...Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).take(Array.from({ length: 1 + (i % 4) }, day))),
        reserveNumbers(t.db, [day(), day()]),
      ]);
      all.push(...groups.flat());
      now += 1000;
    }
    expect(all.length).toBe(4 * (8 * 2.5 + 2));
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((n) => n.startsWith('LX20260304'))).toBe(true);
  });

  it('a group spanning two days gets each day’s numbers in order', async () => {
    const pool = new NumberPool(t.db, () => Date.parse('2026-03-06T09:00:00+08:00'));
    const got = await pool.take([new Date('2026-03-05T23:59:00+08:00'), new Date('2026-03-06T00:01:00+08:00'), new Date('2026-03-05T23:59:30+08:00')]);
    expect(got).toEqual(['LX20260305000001', 'LX20260306000001', 'LX20260305000002']);
  });
});
