import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, createTestDb, type TestDb } from '../../test/harness.ts';
import { insertTestTicket } from '../dedupe/test-tickets.ts';
import { nameForms } from './division-names.ts';
import { extractLandmarks, learnLandmarks } from './landmarks.ts';
import { invalidatePlaceIndex, parsePlace } from './parse-place.ts';
import { PlaceIndex } from './place-index.ts';
import { normalize } from '../normalize.ts';
import { cityDivisions, loadCityDivisions } from './test-divisions.ts';
import { nationalDivisionsToTownship } from '../../divisions/source.ts';

describe('name forms', () => {
  it('derives usual and short forms per level', () => {
    const texts = (n: string, l: number) => nameForms(n, l).map((f) => f.text);
    expect(texts('柘荣县', 3)).toEqual(['柘荣县', '柘荣']);
    expect(texts('双城镇', 4)).toEqual(['双城镇', '双城']);
    expect(texts('穆云畲族乡', 4)).toEqual(['穆云畲族乡', '穆云', '穆云乡']);
    expect(texts('东源村委会', 5)).toEqual(['东源村委会', '东源村']);
    expect(texts('城北社区居委会', 5)).toEqual(['城北社区居委会', '城北社区', '城北居委会']);
    expect(texts('王庄村村民委员会', 5)).toContain('王庄村');
    expect(texts('市辖区', 2)).toEqual([]);
    // names in the short form: the committee names point there too
    expect(texts('海滨社区', 5)).toEqual(['海滨社区', '海滨居委会', '海滨社区居委会']);
    expect(texts('东源村', 5)).toEqual(['东源村', '东源村委会']);
    // a development zone by its place name alone
    expect(texts('东侨开发区', 4)).toEqual(['东侨开发区', '东侨']);
    expect(texts('北京经济技术开发区', 4)).toEqual(['北京经济技术开发区', '北京']);
  });
});

describe('place index on the real 宁德市 tree', () => {
  let idx: PlaceIndex;
  beforeAll(() => {
    idx = new PlaceIndex(cityDivisions('3509'));
  });
  const code = (text: string, ctx?: string) => idx.resolve(text, ctx)?.code ?? null;

  it('reads a residents\' committee (居委会) as its community', () => {
    const haibin = cityDivisions('3509').find((d) => d.name.startsWith('海滨社区') && d.path.includes('/350902001/'))!;
    expect(code('蕉城区蕉南街道海滨居委会门口的路灯坏了')).toBe(haibin.code);
    // a tree whose communities carry the short name (海滨社区) answers the committee's name as well
    const short = new PlaceIndex(cityDivisions('3509').map((d) => ({ ...d, name: d.name.replace(/居委会$|村委会$/, '') })));
    expect(short.resolve('蕉城区海滨居委会门口的路灯坏了')?.code).toBe(haibin.code);
  });

  it('parses full chains to the deepest division', () => {
    expect(code('福建省宁德市蕉城区')).toBe('350902');
    expect(code('蕉城区城南镇')).toBe('350902100');
    expect(code('柘荣县东源乡东源村村口路灯坏了')).toBe('350926202206');
  });
  it('understands short names', () => {
    expect(code('柘荣这边停水三天了')).toBe('350926');
    expect(code('东侨路灯不亮')).toBe('350902500');
    expect(code('户口在东侨开发区')).toBe('350902500');
    expect(code('双城那边停水')).toBe('350926100');
    expect(code('福安市穆云乡')).toBe('350981203');
  });
  it('disambiguates a duplicate village name by its county or by context', () => {
    // 东源村 exists under 蕉城区, 柘荣县 and 福安市.
    const r = idx.resolve('东源村的路灯坏了')!;
    expect(r.ambiguous).toBe(true);
    expect(r.code).toBe('3509');
    // the three are offered for a person to choose
    expect(r.candidates?.map((c) => c.code).sort()).toEqual(['350902110202', '350926202206', '350981105209']);
    expect(idx.resolve('柘荣东源村路灯')!.candidates).toBeUndefined();
    expect(code('柘荣东源村路灯')).toBe('350926202206');
    expect(code('福安东源村路灯')).toBe('350981105209');
    expect(code('东源村路灯', '350902')).toBe('350902110202');
  });
  it('prefers the chain that most mentions agree on', () => {
    const r = idx.resolve('蕉城区城南镇的问题')!;
    expect(r.mentions.map((m) => m.text)).toEqual(['蕉城区', '城南镇']);
    expect(r.confidence).toBe(1);
  });
  it('returns null when no place is mentioned', () => {
    expect(idx.resolve('我想咨询一下社保缴费问题')).toBeNull();
  });
});

describe('place index with the rest of the country known', () => {
  let idx: PlaceIndex;
  beforeAll(() => {
    idx = new PlaceIndex(cityDivisions('3509'), [], nationalDivisionsToTownship());
  });
  const code = (text: string, ctx?: string) => idx.resolve(normalize(text), ctx)?.code ?? null;

  it('does not take a name that is part of an address elsewhere for the place of that name here', () => {
    expect(code('三明市宁化县城南镇的路灯坏了')).toBeNull(); // 城南镇 is also a township of 蕉城区
    expect(code('龙岩市上杭县古田镇')).toBeNull(); // not 古田县
    expect(code('吉林省长春市朝阳区')).toBeNull(); // not 霞浦县长春镇
    expect(code('南平市政和县澄源乡北斗村')).toBeNull(); // not 霞浦 北斗村
    expect(code('龙岩市上杭县南阳镇双溪村的路灯坏了')).toBeNull(); // 南阳镇 and 双溪村 are names here too
    expect(code('福州闽侯县三溪口村')).toBeNull(); // several 溪口村 here: not 宁德市 as a whole
    // the same names inside the tree still answer, and a place elsewhere said in passing changes nothing
    expect(code('蕉城区城南镇')).toBe('350902100');
    expect(code('东侨万达广场门口路灯不亮')).toBe('350902500');
    expect(code('霞浦县长春镇')).toBe('350921101');
    expect(code('我在福州工作，老家福安市城阳镇')).toBe('350981112');
    expect(code('柘荣县东源乡东源村村口路灯坏了')).toBe('350926202206');
  });

  it('finds villages whose official names hold a character the text normalisation converts (乾 → 干)', () => {
    const daPei = cityDivisions('3509').find((d) => d.name.startsWith('大浿村'))!;
    expect(code('霞浦县水门畲族乡大浿村')).toBe(daPei.code);
    const qian = cityDivisions('3509').find((d) => d.name.startsWith('河乾村'))!;
    expect(code(`${cityDivisions('3509').find((d) => d.code === qian.parent_code)!.name}河乾村`)).toBe(qian.code);
  });

  it('reads a village\'s bare name right after its township or county, not on its own or before a landmark word', () => {
    const xzy = cityDivisions('3509').find((d) => d.name.startsWith('下宅园'))!;
    expect(code('蕉南街道下宅园反映路灯坏了')).toBe(xzy.code);
    expect(code('蕉城区蕉南街道 下宅园 路灯坏了')).toBe(xzy.code);
    expect(code('下宅园路灯坏了')).toBeNull();
    expect(code('蕉南街道下宅园路灯坏了')).toBe(xzy.code); // 路灯 is a street lamp, not a road
    expect(code('蕉南街道下宅园路口')).toBe('350902001'); // 下宅园路: a road of the township
    // 东源 (东源村) after its township, but 城北 of 城北小区 is a residential compound, not 城北社区
    expect(code('东源乡东源的路灯坏了')).toBe('350926202206');
    const chengbei = cityDivisions('3509').filter((d) => d.name.startsWith('城北社区'));
    expect(chengbei.length).toBeGreaterThan(0);
    const town = cityDivisions('3509').find((d) => d.code === chengbei[0].parent_code)!;
    expect(code(`${town.name}城北小区门口`)).toBe(town.code);
  });

  it('takes a short name right before 路 or 街 for a road, not for the place', () => {
    expect(code('城北路口路灯坏了')).toBeNull(); // not 福安市城北街道
    expect(code('福安路上有个坑')).toBeNull();
    expect(code('柘荣双城路口')).toBe('350926'); // the county still stands
    expect(code('福安市城北街道路灯坏了')).toBe('350981002'); // full names are places, whatever follows
  });
});

describe('landmark extraction', () => {
  it('finds 小区/学校/路 phrases and trims the words before them', () => {
    expect(extractLandmarks('我家住在丽发新城小区，门口的东湖路路灯不亮')).toEqual(
      expect.arrayContaining(['丽发新城小区', '东湖路']),
    );
    expect(extractLandmarks('实验小学门口')).toEqual(['实验小学']);
    expect(extractLandmarks('双城街道的事')).toEqual([]);
  });
});

describe.each(DB_KINDS)('parsePlace and landmarks on %s', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await loadCityDivisions(t.deps.db, '3509');
  });
  afterAll(async () => t?.close());

  it('parses from the divisions table and rebuilds when divisions change', async () => {
    expect((await parsePlace(t.deps, { text: '柘荣縣雙城鎮停電了' }))?.code).toBe('350926100');
    expect(await parsePlace(t.deps, { text: '测试新区有问题' })).toBeNull();
    await t.deps.db
      .insertInto('divisions')
      .values({ code: '350926100099', name: '测试新区社区居委会', level: 5, parent_code: '350926100', path: '/35/3509/350926/350926100/350926100099/' })
      .execute();
    invalidatePlaceIndex(t.deps.db);
    expect((await parsePlace(t.deps, { text: '测试新区社区有问题' }))?.code).toBe('350926100099');
  });

  it('learns landmarks from history and uses them', async () => {
    for (let i = 0; i < 4; i++) {
      await insertTestTicket(t.deps.db, { title: `翠屏花园小区噪音${i}`, content: '晚上施工噪音大', division_code: '350926100001' });
    }
    await insertTestTicket(t.deps.db, { title: '翠屏花园小区停车', content: '乱停车', division_code: '350926100002' });
    await insertTestTicket(t.deps.db, { title: '孤例广场', content: '只出现一次', division_code: '350926100001' });
    const r = await learnLandmarks(t.deps);
    expect(r.kept).toBeGreaterThanOrEqual(1);
    const rows = await t.deps.db.selectFrom('nlp_landmarks').selectAll().execute();
    const lm = rows.find((x) => x.phrase === '翠屏花园小区')!;
    // 4 of 5 mentions are in 城北社区 (0.8), all 5 in 双城镇: the deepest confident division.
    expect(lm.division_code).toBe('350926100001');
    expect(rows.find((x) => x.phrase === '孤例广场')).toBeUndefined();
    expect((await parsePlace(t.deps, { text: '翠屏花园小区门口垃圾没人清' }))?.code).toBe('350926100001');
  });
});
