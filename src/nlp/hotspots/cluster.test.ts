import { describe, expect, it } from 'vitest';
import { clusterDocs, type HotDoc } from './cluster.ts';
import { canonical } from '../dedupe/minhash.ts';

const day = (n: number) => new Date(Date.UTC(2026, 5, 1) + n * 86400_000);
const doc = (id: string, title: string, body: string, at: number, extra: Partial<HotDoc> = {}): HotDoc => ({ id, title, body, at: day(at), ...extra });

// Two real shared problems and background noise of unrelated requests.
const DOCS: HotDoc[] = [
  doc('a1', '丽发新城小区附近搅拌站噪音扰民', '暮云街道丽发新城小区旁边的搅拌站日夜施工，噪音和粉尘严重', 1, { support: 10 }),
  doc('a2', '投诉丽发新城附近搅拌站噪音', '丽发新城附近违建搅拌站噪音扰民，晚上睡不着', 3),
  doc('a3', '丽发新城搅拌站污染环境', '丽发新城小区附近水泥搅拌站粉尘污染，噪音大', 5),
  doc('a4', '丽发新城小区附近搅拌站何时搬走', '搅拌站就在丽发新城小区旁边，噪音粉尘严重', 20),
  doc('b1', '伊景园滨河苑捆绑销售车位', '伊景园滨河苑开发商强制捆绑销售车位，不买车位不给交房', 2),
  doc('b2', '伊景园滨河苑车位捆绑销售合法吗', '伊景园滨河苑要求购房必须买车位，捆绑销售', 4),
  doc('b3', '反对伊景园滨河苑捆绑车位', '伊景园滨河苑开发商捆绑车位销售侵害业主权益', 6),
  doc('n1', '咨询社保缴费基数', '灵活就业人员养老保险怎么缴费', 2),
  doc('n2', '公交班次太少', '富溪镇到县城的公交一天只有两班', 3),
  doc('n3', '路灯不亮', '城北社区门口路灯坏了两周', 4),
  doc('n4', '孩子入学咨询', '户口在蕉城区，小学怎么报名', 5),
  doc('n5', '菜市场缺斤少两', '猪肉摊位缺斤少两', 6),
];

describe('hotspot clustering', () => {
  it('groups the shared problems, leaves the noise out, ranks by volume and votes', () => {
    const cs = clusterDocs(DOCS, { maxDfShare: 0.5 });
    expect(cs).toHaveLength(2);
    expect(cs[0].members.sort()).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(cs[0].votes).toBe(10);
    expect(cs[0].title).toContain('搅拌站');
    expect(cs[0].terms.join(' ')).toContain('搅拌');
    expect(cs[1].members.sort()).toEqual(['b1', 'b2', 'b3']);
    expect(cs[1].distinct).toBe(3);
    expect(cs[0].from).toEqual(day(1));
    expect(cs[0].to).toEqual(day(20));
  });
  it('counts voices, not calls: one caller repeating is no hotspot, and people outrank repeats', () => {
    const by = (caller: string) => ({ caller });
    const docs = DOCS.map((d) => (d.id.startsWith('a') ? { ...d, ...by('13900000001') } : d.id.startsWith('b') ? { ...d, ...by(`1390000010${d.id[1]}`) } : d));
    const cs = clusterDocs(docs, { maxDfShare: 0.5 });
    // the mixing plant's four tickets are one resident calling four times: not a shared problem
    expect(cs.map((c) => c.members.sort())).toEqual([['b1', 'b2', 'b3']]);
    expect(cs[0].callers).toBe(3);
    // two residents (3 + 1 calls): a hotspot, but below three residents with one call each
    docs[3] = { ...docs[3], caller: '13900000002' };
    docs[0] = { ...docs[0], support: 0 }; // (votes aside)
    const two = clusterDocs(docs, { maxDfShare: 0.5 });
    expect(two.map((c) => [c.members.length, c.callers])).toEqual([[3, 3], [4, 2]]);
    expect(two[0].score).toBeGreaterThan(0);
  });
  it('finds the shared problems of a small set (one county) with the default options', () => {
    // five of fifteen about the mixing plant: their shared words are in a third of the set
    const more = [...DOCS, doc('a5', '丽发新城搅拌站噪音还是很大', '丽发新城小区旁搅拌站噪音粉尘依旧', 25), doc('n6', '医保报销太慢', '异地就医报销等了三个月还没到账', 7), doc('n7', '楼上漏水', '楼上卫生间漏水到我家天花板', 8)];
    const cs = clusterDocs(more);
    expect(cs.map((c) => c.members.sort())).toEqual([['a1', 'a2', 'a3', 'a4', 'a5'], ['b1', 'b2', 'b3']]);
    expect(cs[0].terms.join(' ')).toContain('搅拌');
    expect(cs[1].terms.join(' ')).toContain('车位');
  });
  it('keeps places and time apart', () => {
    const split = DOCS.map((d) => (d.id === 'a4' || d.id === 'a3' ? { ...d, place: 'other' } : { ...d, place: 'here' }));
    const cs = clusterDocs(split, { maxDfShare: 0.5 });
    expect(cs.map((c) => c.members.sort())).toEqual([['b1', 'b2', 'b3']]);
    const far = clusterDocs(DOCS, { maxDfShare: 0.5, maxGapDays: 1 });
    expect(far).toEqual([]);
  });
  it('keeps known different topics (level-1 categories) apart, while an unknown topic joins any', () => {
    const estate = [
      doc('e1', '金域华府延期交房', '金域华府小区逾期交房半年，开发商不给说法', 1, { topic: '01' }),
      doc('e2', '金域华府交房延期', '金域华府商品房合同约定去年交房，至今未交房', 2, { topic: '01' }),
      doc('e3', '金域华府门口积水', '金域华府小区门口下雨积水，排水口堵塞', 3, { topic: '02' }),
      doc('e4', '金域华府小区门口积水严重', '金域华府门口积水到小腿，排水不畅', 4, { topic: '02' }),
      doc('e5', '金域华府延期交房还没解决', '金域华府逾期交房问题还没解决', 5),
    ];
    // at a loose threshold the estate's name alone joins late handover and flooding
    const loose = { maxDfShare: 1, minSize: 2, threshold: 0.05 };
    const mixed = clusterDocs(estate.map((d) => ({ ...d, topic: null })), loose);
    expect(mixed.some((c) => c.members.includes('e1') && c.members.includes('e4'))).toBe(true);
    const cs = clusterDocs(estate, loose);
    for (const c of cs) expect(new Set(c.members.map((m) => estate.find((d) => d.id === m)!.topic).filter(Boolean)).size).toBe(1);
    expect(cs.find((c) => c.members.includes('e1'))!.members.sort()).toEqual(['e1', 'e2', 'e5']);
  });
  it('measures growth over the last period', () => {
    const cs = clusterDocs(DOCS, { maxDfShare: 0.5, until: day(7), growthDays: 3 });
    const b = cs.find((c) => c.members.includes('b1'))!;
    // b3 on day 6 is in the last 3 days (4,7]; b1, b2 before it: growth (1 − 2) / 2 < 0 → 0 bonus.
    expect(b.growth).toBeLessThanOrEqual(0);
  });

  it('shows terms made of whole words, never a piece of one', () => {
    const shop = [
      doc('k1', '金马路好又多超市突然关门', '金马路的好又多超市突然关门，我办的会员卡还有2000元没用完，联系不上商家', 1),
      doc('k2', '好又多超市突然关门会员卡怎么办', '金马路好又多超市突然关门了，会员卡还有500元没用完，退款无门', 2),
      doc('k3', '投诉好又多超市关门不退会员卡余额', '金马路好又多突然关门，会员卡还有余额没用完，要求退还', 3),
      doc('k4', '好又多超市突然关门', '好又多超市金马路店突然关门，会员卡里还有钱没用完', 4),
    ];
    const seg = new Intl.Segmenter('zh', { granularity: 'word' });
    const bounds = (text: string) => new Set([...seg.segment(text)].flatMap((x) => [x.index, x.index + x.segment.length]));
    const all = [...DOCS, ...shop];
    const cs = clusterDocs(all, { maxDfShare: 0.5 });
    expect(cs.length).toBeGreaterThanOrEqual(3);
    for (const c of cs) {
      expect(c.terms.length).toBeGreaterThan(0);
      const texts = c.members.map((id) => all.find((d) => d.id === id)!).map((d) => canonical(`${d.title} ${d.body}`));
      for (const term of c.terms) {
        // some member has the term starting and ending on word boundaries
        const whole = texts.some((x) => {
          const b = bounds(x);
          for (let at = x.indexOf(term); at >= 0; at = x.indexOf(term, at + 1)) if (b.has(at) && b.has(at + term.length)) return true;
          return false;
        });
        expect(whole, `${term} in ${c.title}`).toBe(true);
        expect(term).not.toMatch(/^[还没元]|[还没元]$/);
      }
    }
  });
});
