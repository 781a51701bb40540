import { describe, expect, it } from 'vitest';
import { displayTerms } from './display-terms.ts';

describe('hotspot display terms', () => {
  it('never end on an adverb or start on a function word the segmenter kept inside a word', () => {
    // Intl.Segmenter gives 站|着|太不|安全 and 我先|拿: the edges "太不" and "我" are no part of a term
    const bus = ['接送我们村孩子的校车坐得满满当当有的孩子只能站着太不安全了', '校车坐得满满当当孩子只能站着太不安全', '孩子只能站着太不安全了校车太挤'];
    const terms = displayTerms(['站着', '只能', '着太', '太不', '校车'], bus);
    expect(terms).toContain('校车');
    expect(terms.every((t) => !t.endsWith('不') && !t.endsWith('太'))).toBe(true);
    const well = ['路上有个窨井没盖子我先拿了个纸箱挡着', '窨井没盖子我先拿了纸箱挡着'];
    expect(displayTerms(['先拿', '窨井', '纸箱'], well)).toEqual(['先拿', '窨井', '纸箱']);
  });
  it('drop a short word at an edge whole rather than a character of it', () => {
    const dung = ['小区门口狗粪便没人清理粪便昨天又有人踩到', '清理粪便昨天还是没人来', '楼下有人遛狗不清理粪便昨天我踩到了'];
    const terms = displayTerms(['清理', '理粪', '粪便', '便昨'], dung);
    expect(terms.some((x) => x.endsWith('昨'))).toBe(false);
    expect(terms.join(' ')).toContain('清理粪便');
    const fair = ['收费这样合理吗', '物业这样合理吗', '停车收费这样合理吗谁来管'];
    expect(displayTerms(['样合', '合理'], fair).some((x) => x.startsWith('样'))).toBe(false);
  });
  it('leave out words any request holds', () => {
    const ask = ['想问一下社保卡丢了可以补办吗', '问一下社保卡补办要带什么', '社保卡丢了想问一下怎么补办'];
    const terms = displayTerms(['一下', '问一', '可以', '社保', '保卡', '补办'], ask);
    expect(terms).toEqual(expect.arrayContaining(['补办']));
    expect(terms.some((x) => x.includes('社保'))).toBe(true);
    expect(terms.some((x) => ['一下', '问一下', '可以'].includes(x))).toBe(false);
  });
});
