import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('quotes what needs quoting, keeps Chinese, starts with a BOM and neutralises formulas', () => {
    const out = toCsv([['单位', '响应率'], ['宁德市"住建"局, 城建科', 0.95], ['=HYPERLINK("x")', null], [-3, 'a\nb']]);
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out.slice(1).split('\r\n')).toEqual(['单位,响应率', '"宁德市""住建""局, 城建科",0.95', `"'=HYPERLINK(""x"")",`, '-3,"a\nb"', '']);
  });
});
