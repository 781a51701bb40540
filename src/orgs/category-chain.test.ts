import { describe, expect, it } from 'vitest';
import { chainOf } from './category-chain.ts';

describe('chainOf', () => {
  const rows = new Map<string, { parent: string | null }>([
    ['02', { parent: null }], ['0203', { parent: '02' }], ['020303', { parent: '0203' }],
    ['0901', { parent: '09' }], // parent not in the map (inactive)
    ['a', { parent: 'b' }], ['b', { parent: 'a' }], // a cycle
  ]);
  const of = (code: string) => chainOf(code, rows, (c) => c.parent);
  it('goes from level 1 down to the category', () => {
    expect(of('020303')).toEqual(['02', '0203', '020303']);
    expect(of('02')).toEqual(['02']);
  });
  it('stops at a parent it does not hold and at a cycle; nothing for an unknown code', () => {
    expect(of('0901')).toEqual(['0901']);
    expect(of('a')).toEqual(['b', 'a']);
    expect(of('zz')).toEqual([]);
  });
});
