import { describe, expect, it } from 'vitest';
import { readableTerms } from './explain-words.ts';

describe('readableTerms', () => {
  it('snaps n-grams to the whole words of the text, dropping those across function words', () => {
    const gas = '楼道里有很浓的煤气味,怀疑燃气泄漏';
    expect(readableTerms(['楼道里', '道里有', '里有很', '有很浓', '很浓的', '泄漏'], gas)).toEqual(['楼道里', '泄漏']);
    const school = '孩子报名要带什么材料';
    expect(readableTerms(['什么材', '孩子报', '子报名'], school)).toEqual(['材料', '孩子报名']);
  });
  it('a longer term replaces the shorter ones it holds, and at most n are kept', () => {
    const text = '出租车不打表,绕路多收钱';
    expect(readableTerms(['出租', '出租车', '打表'], text)).toEqual(['出租车', '不打表']); // as ICU reads it
    expect(readableTerms(['出租车', '打表', '绕路'], text, 2)).toEqual(['出租车', '不打表']);
  });
  it('drops house numbers (digits are read as 0) and words any request holds', () => {
    const text = '福宁路86号附近路面有个大坑，一下雨就积水';
    expect(readableTerms(['0号附', '路0号', '一下', '大坑', '积水'], text)).toEqual(['大坑', '积水']);
  });
});
