import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.ts';

describe('TtlCache (stale-while-revalidate)', () => {
  it('waits for the first load only, then serves the cached value while reloading in the background', async () => {
    const cache = new TtlCache<object, number>(0); // every read is past the TTL
    const key = {};
    let loads = 0;
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const load = async () => {
      loads++;
      if (loads > 1) await blocked; // a reload that cannot finish (like PGlite held by our own transaction)
      return loads;
    };
    expect(await cache.get(key, load)).toBe(1);
    expect(await cache.get(key, load)).toBe(1); // returns at once although the reload hangs
    expect(await cache.get(key, load)).toBe(1);
    expect(loads).toBe(2); // one background reload at a time
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get(key, load)).toBe(2);
  });
  it('refresh reloads now; a failed first load is not cached', async () => {
    const cache = new TtlCache<object, string>(60_000);
    const key = {};
    await expect(cache.get(key, async () => { throw new Error('db down'); })).rejects.toThrow('db down');
    expect(await cache.get(key, async () => 'a')).toBe('a');
    expect(await cache.get(key, async () => 'b')).toBe('a'); // fresh: no reload
    expect(await cache.refresh(key, async () => 'c')).toBe('c');
    expect(await cache.get(key, async () => 'd')).toBe('c');
  });
});
