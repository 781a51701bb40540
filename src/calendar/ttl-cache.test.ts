import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { DbCache } from './ttl-cache.ts';
import { createTestDb, type TestDb } from '../test/harness.ts';
import { loadCalendar } from './load-calendar.ts';

// Stand-ins for a Kysely root handle and its transactions: same adapter, different handles.
const fakeDb = () => {
  const adapter = {};
  const root = { isTransaction: false, getExecutor: () => ({ adapter }) } as unknown as Kysely<any>;
  const trx = () => ({ isTransaction: true, getExecutor: () => ({ adapter }) }) as unknown as Kysely<any>;
  return { root, trx };
};

describe('DbCache (stale-while-revalidate, transaction-aware)', () => {
  it('waits for the first load only, then serves the cached value while reloading through the root', async () => {
    const { root, trx } = fakeDb();
    const via: unknown[] = [];
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const cache = new DbCache<number>(async (db) => {
      via.push(db);
      if (via.length > 1) await blocked; // a reload that cannot finish yet
      return via.length;
    }, 0);
    expect(await cache.get(root)).toBe(1);
    const t1 = trx();
    expect(await cache.get(t1)).toBe(1); // stale, answered at once although the reload hangs
    expect(await cache.get(root)).toBe(1);
    expect(via).toEqual([root, root]); // one background reload, through the root handle
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get(t1)).toBe(2);
  });
  it('loads through the transaction when no root is known or a root load is in flight', async () => {
    const { root, trx } = fakeDb();
    const via: unknown[] = [];
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const cache = new DbCache<string>(async (db) => {
      via.push(db);
      if (db === root) await blocked; // e.g. waiting for PGlite's connection, held by t1
      return db === root ? 'root' : 'trx';
    }, 60_000);
    const first = cache.get(root);
    const t1 = trx();
    expect(await cache.get(t1)).toBe('trx'); // does not wait for the root load
    release();
    expect(await first).toBe('root');
    expect(via).toEqual([root, t1]);
  });
  it('refresh reloads now; a failed load is not cached', async () => {
    const { root } = fakeDb();
    let next: () => Promise<string> = async () => { throw new Error('db down'); };
    const cache = new DbCache<string>(() => next(), 60_000);
    await expect(cache.get(root)).rejects.toThrow('db down');
    next = async () => 'a';
    expect(await cache.get(root)).toBe('a');
    next = async () => 'b';
    expect(await cache.get(root)).toBe('a'); // fresh: no reload
    expect(await cache.refresh(root)).toBe('b');
    expect(await cache.get(root)).toBe('b');
  });
});

describe('loadCalendar inside a PGlite transaction', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('pglite');
  });
  afterAll(async () => {
    await t?.close();
  });
  it('loads through the transaction on a cold cache (no self-deadlock) and shares the cache after', async () => {
    await t.db.insertInto('holiday_overrides').values({ day: '2026-03-02', kind: 'holiday', note: null }).execute();
    const inside = await t.db.transaction().execute(async (trx) => (await loadCalendar({ db: trx })).isWorkday('2026-03-02'));
    expect(inside).toBe(false);
    const outside = await loadCalendar(t.deps);
    expect(outside.isWorkday('2026-03-02')).toBe(false);
    expect(await loadCalendar(t.deps)).toBe(outside);
  });
});
