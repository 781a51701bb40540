import { describe, expect, it } from 'vitest';
import { withoutContactDetails } from './contact-details.ts';
import { normalize } from './normalize.ts';

describe('withoutContactDetails', () => {
  it('takes out self-introductions, ID and phone numbers with the words naming them', () => {
    const t = normalize('我叫王建国，身份证350926198001011234，电话13905931234，住柘荣县双城镇城北社区东街8号302室，楼道灯坏了请修理');
    const out = withoutContactDetails(t);
    for (const gone of ['王建国', '身份证', '3509261980', '电话', '13905931234']) expect(out).not.toContain(gone);
    expect(out).toContain('楼道灯坏了请修理');
    expect(out).toContain('城北社区东街8号302室');
    expect(withoutContactDetails(normalize('联系电话：0593-1234567，手机号码是13800001111'))).not.toMatch(/[0-9]{7}/);
  });
  it('leaves the matter alone when it is about an ID card or a phone line', () => {
    for (const s of ['身份证丢了怎么补办', '补办身份证需要什么材料', '电话线被挖断了', '我叫了好几次都没人来', '姓名写错了要改户口本']) {
      expect(withoutContactDetails(normalize(s))).toBe(normalize(s));
    }
  });
});
