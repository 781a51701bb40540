import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Text } from './common.ts';

describe('Text', () => {
  const Name = Text(50).pipe(z.string().min(1));
  it('takes control and invisible characters off, so nothing-but-invisible is empty', () => {
    expect(Name.safeParse('\u0000\u200b').success).toBe(false);
    expect(Name.safeParse(' \ufeff\u200b ').success).toBe(false);
    expect(Name.parse('\u200b柘荣县\u200b')).toBe('柘荣县');
    expect(Name.parse('a\u0007b')).toBe('ab');
  });
  it('keeps a zero-width joiner inside a text (emoji sequences)', () => {
    expect(Name.parse('家庭👨\u200d👩\u200d👧')).toBe('家庭👨\u200d👩\u200d👧');
  });
});
