import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.ts';
import { segment, UserDictionary } from './segment.ts';

describe('segment', () => {
  it('splits Chinese into words and drops punctuation and spaces', () => {
    const words = segment(normalize('我们社区的自来水管破裂，请尽快处理。'));
    expect(words).toContain('社区');
    expect(words).toContain('自来水');
    expect(words).toContain('处理');
    expect(words).not.toContain(',');
    expect(words).not.toContain('。');
    expect(words.join('')).toBe('我们社区的自来水管破裂请尽快处理');
  });

  it('keeps user dictionary terms whole', () => {
    const text = normalize('A市A3区暮云街道办事处，市人社局不给办理退休手续');
    const plain = segment(text, new UserDictionary());
    expect(plain).not.toContain('暮云街道');
    expect(plain).not.toContain('市人社局');

    const dict = new UserDictionary(['暮云街道', '市人社局', 'A3区']);
    const words = segment(text, dict);
    expect(words).toContain('暮云街道');
    expect(words).toContain('市人社局');
    expect(words).toContain('a3区');
    expect(words).toContain('退休');
  });

  it('prefers the longest dictionary term and accepts terms added at runtime', () => {
    const dict = new UserDictionary(['人社局']);
    expect(segment('找市人社局', dict)).toContain('人社局');
    dict.add(['市人社局']);
    const words = segment('找市人社局', dict);
    expect(words).toContain('市人社局');
    expect(words).not.toContain('人社局');
  });

  it('normalises dictionary terms like texts (traditional, full-width)', () => {
    const dict = new UserDictionary(['城鄉建設', 'ＡＢ社区']);
    expect(dict.has('城乡建设')).toBe(true);
    expect(segment(normalize('关于城鄉建設的问题, ＡＢ社区'), dict)).toEqual(expect.arrayContaining(['城乡建设', 'ab社区']));
  });

  it('handles empty and non-Chinese input', () => {
    expect(segment('')).toEqual([]);
    expect(segment('wifi 4g 123')).toEqual(['wifi', '4g', '123']);
  });
});
