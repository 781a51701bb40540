import { describe, expect, it } from 'vitest';
import { anonymise } from './anonymise.ts';

describe('anonymise (public board texts)', () => {
  it('masks the contact name wherever the citizen typed it, and self-introductions', () => {
    expect(anonymise('我叫赵建国，电话13905931234，住在阳头街道', ['赵建国'])).toBe('我叫[姓名]，电话[手机号]，住在阳头街道');
    expect(anonymise('请联系赵建国本人', ['赵建国'])).toBe('请联系[姓名]本人');
    expect(anonymise('我叫李明，楼下噪音很大')).toBe('我叫[姓名]，楼下噪音很大');
    expect(anonymise('姓名：王小红 反映路灯不亮')).toBe('姓名：[姓名] 反映路灯不亮');
  });
  it('keeps the rest and ignores one-character or empty names', () => {
    expect(anonymise('张先生反映路灯不亮', ['张', '', null])).toBe('张先生反映路灯不亮');
    expect(anonymise('身份证350926199001011234', [])).toBe('身份证[身份证号]');
    expect(anonymise(null, ['赵建国'])).toBeNull();
  });
  it('masks the door of a home, not the street or the building', () => {
    expect(anonymise('住柘荣县双城镇城北社区东街8号302室，楼道灯坏了')).toBe('住柘荣县双城镇城北社区东街8号[门牌]，楼道灯坏了');
    expect(anonymise('金域华府3栋2单元501漏水')).toBe('金域华府3栋[门牌]漏水');
    expect(anonymise('3号楼的电梯坏了三天，8月12号报修过')).toBe('3号楼的电梯坏了三天，8月12号报修过');
  });
});
