import { describe, expect, it } from 'vitest';
import { readableTerms } from './explain-words.ts';

describe('readableTerms', () => {
  it('trims function characters off the edges of n-grams and keeps the strongest whole terms', () => {
    expect(readableTerms(['楼道里', '道里有', '里有很', '有很浓', '很浓的', '煤气'])).toEqual(['楼道里', '煤气']);
    expect(readableTerms(['的路灯', '路灯', '坏了', '不亮'])).toEqual(['路灯', '不亮']); // "坏了" → "坏": one character
  });
  it('a longer term replaces the shorter ones it holds, and at most n are kept', () => {
    expect(readableTerms(['出租', '出租车', '打表'])).toEqual(['出租车', '打表']);
    expect(readableTerms(['甲乙', '丙丁', '戊己', '庚辛'], 2)).toEqual(['甲乙', '丙丁']);
  });
});
