import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, createTestDb, type TestDb } from '../../test/harness.ts';
import { loadCityDivisions } from '../address/test-divisions.ts';
import { findDuplicates, indexMissingSignatures, indexTicketText, relatedPlaces } from './find-duplicates.ts';
import { BANDS, DUPLICATE_THRESHOLD, MAX_CANONICAL, NUM_HASHES, canonical, fingerprint, minhash, shingles, similarity } from './minhash.ts';
import { insertTestTicket } from './test-tickets.ts';

// A small synthetic set: distinct complaints of the kinds a 12345 centre receives.
const SET = [
  '双城镇城北社区翠屏花园小区门口的路灯已经坏了两个星期，晚上出行很不安全，请尽快维修。',
  '东源乡东源村自来水管道破裂，村里停水三天了，请自来水公司尽快派人抢修。',
  '城南镇农贸市场周边占道经营严重，早上车辆无法通行，希望城管部门加强管理。',
  '我小孩今年九月上小学，户口在蕉城区，房子在东侨，请问应该去哪所学校报名？',
  '翠屏花园小区旁边工地夜间施工，噪音很大，每天到凌晨两点，严重影响居民休息。',
  '咨询一下灵活就业人员养老保险缴费基数怎么确定，每个月最低要缴多少钱？',
  '富溪镇前宅村到镇上的公交车班次太少，一天只有两班，老人看病很不方便。',
  '城北菜市场的猪肉摊位缺斤少两，我买了两斤回家一称只有一斤七两，请市场监管部门查处。',
];
const toTraditional = (s: string) =>
  s.replace(/门/g, '門').replace(/灯/g, '燈').replace(/维/g, '維').replace(/时/g, '時').replace(/区/g, '區').replace(/请/g, '請');

describe('fingerprints', () => {
  it('ignores spacing, punctuation, full-width forms and traditional characters', () => {
    expect(canonical('ＡＢＣ１２３， 路燈  壞了！')).toBe(canonical('abc123路灯坏了'));
    const a = fingerprint(SET[0]);
    const b = fingerprint(` ${toTraditional(SET[0]).split('').join(' ')} ！！`);
    expect(similarity(a.shingles, b.shingles)).toBeGreaterThan(0.9);
    expect(a.minhash).toHaveLength(NUM_HASHES);
    expect(a.bands).toHaveLength(BANDS);
    expect(a.bands.filter((x, i) => x === b.bands[i]).length).toBeGreaterThan(BANDS / 2);
  });
  it('scores small edits and truncations high and unrelated complaints low', () => {
    const a = fingerprint(SET[1]).shingles;
    const edited = fingerprint(SET[1].replace('三天', '四天').replace('尽快', '马上')).shingles;
    const truncated = fingerprint(SET[1].slice(0, 26)).shingles;
    expect(similarity(a, edited)).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(similarity(a, truncated)).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    for (let i = 0; i < SET.length; i++)
      for (let j = i + 1; j < SET.length; j++)
        expect(similarity(fingerprint(SET[i]).shingles, fingerprint(SET[j]).shingles)).toBeLessThan(DUPLICATE_THRESHOLD);
  });
  it('shingle sets are sorted and distinct; the signature does not depend on their order', () => {
    const sh = shingles(canonical(SET[0] + SET[0]));
    expect([...sh]).toEqual([...new Set(sh)].sort((x, y) => x - y));
    expect(minhash(sh)).toEqual(minhash(Uint32Array.from([...sh].reverse())));
    expect(similarity(sh, sh)).toBe(1);
    expect(similarity(sh, shingles(canonical(SET[0])))).toBeGreaterThan(0.9);
  });
  it('matches on the opening MAX_CANONICAL characters of a very long text', () => {
    const long = SET.join('').repeat(12);
    expect(canonical(long)).toHaveLength(MAX_CANONICAL);
    const tail = long + '后来又补充了很多不同的情况说明，与前面的内容完全无关。';
    expect(similarity(fingerprint(long).shingles, fingerprint(tail).shingles)).toBe(1);
    expect(similarity(fingerprint(SET[0]).shingles, fingerprint(SET[1]).shingles)).toBeLessThan(DUPLICATE_THRESHOLD);
  });
  it('relates places in the same township or containing one another', () => {
    expect(relatedPlaces('/35/3509/350926/350926100/350926100001/', '/35/3509/350926/350926100/350926100002/')).toBe(true);
    expect(relatedPlaces('/35/3509/350926/', '/35/3509/350926/350926100/350926100002/')).toBe(true);
    expect(relatedPlaces('/35/3509/350926/350926100/', '/35/3509/350926/350926101/')).toBe(false);
    expect(relatedPlaces(null, '/35/')).toBe(true);
  });
});

describe.each(DB_KINDS)('findDuplicates on %s', (kind) => {
  let t: TestDb;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await createTestDb(kind);
    t.clock.set('2026-06-15T08:00:00Z');
    await loadCityDivisions(t.deps.db, '3509');
    await t.deps.db.insertInto('categories').values([
      { code: 'A', name: '城乡建设', level: 1, parent_code: null },
      { code: 'A01', name: '市政设施', level: 2, parent_code: 'A' },
      { code: 'B', name: '劳动和社会保障', level: 1, parent_code: null },
    ]).execute();
    for (const [i, content] of SET.entries()) {
      const id = await insertTestTicket(t.deps.db, {
        title: content.slice(0, 12), content, division_code: '350926100001', category_code: i === 5 ? 'B' : 'A01',
        contact_phone: i === 1 ? '13800000001' : null, received_at: new Date('2026-06-10T08:00:00Z'),
      });
      await indexTicketText(t.deps.db, id, `${content.slice(0, 12)} ${content}`);
      ids.push(id);
    }
  });
  afterAll(async () => t?.close());

  it('finds a re-typed open ticket with its similarity', async () => {
    const r = await findDuplicates(t.deps, { text: toTraditional(SET[0]).replace(/，/g, ' , '), divisionCode: '350926100002', categoryCode: 'A' });
    expect(r.duplicates.map((d) => d.id)).toEqual([ids[0]]);
    expect(r.duplicates[0].similarity).toBeGreaterThan(0.8);
    expect(r.repeatCaller).toBe(false);
  });
  it('leaves out other places, other category families and tickets outside the window', async () => {
    expect((await findDuplicates(t.deps, { text: SET[0], divisionCode: '350926101' })).duplicates).toEqual([]);
    expect((await findDuplicates(t.deps, { text: SET[0], categoryCode: 'B' })).duplicates).toEqual([]);
    expect((await findDuplicates(t.deps, { text: SET[0], windowDays: 2 })).duplicates).toEqual([]);
    expect((await findDuplicates(t.deps, { text: '今天天气很好，没有什么要反映的。' })).duplicates).toEqual([]);
  });
  it('ignores closed and merged tickets but flags the repeat caller, closed tickets included', async () => {
    await t.deps.db.updateTable('tickets').set({ status: 'closed' }).where('id', '=', ids[1]).execute();
    const r = await findDuplicates(t.deps, { text: `${SET[1]}现在还是没有水`, phone: '13800000001' });
    expect(r.duplicates).toEqual([]);
    expect(r.repeatCaller).toBe(true);
    expect(r.repeatOf[0].id).toBe(ids[1]);
    const other = await findDuplicates(t.deps, { text: SET[6], phone: '13800000001' });
    expect(other.repeatCaller).toBe(false);
  });
  it("offers the caller's own open ticket about the same issue, restated in other words, for merging", async () => {
    await t.deps.db.updateTable('tickets').set({ status: 'handling' }).where('id', '=', ids[1]).execute();
    const again = await findDuplicates(t.deps, { text: '东源村水管破裂的事还没人来修，停水好几天了', phone: '13800000001' });
    expect(again.repeatCaller).toBe(true);
    expect(again.duplicates.map((d) => d.id)).toEqual([ids[1]]);
    // the same caller about something else is neither
    const other = await findDuplicates(t.deps, { text: '东源乡东源村村口的路灯坏了，晚上看不见路', phone: '13800000001' });
    expect([other.repeatCaller, other.duplicates]).toEqual([false, []]);
    await t.deps.db.updateTable('tickets').set({ status: 'closed' }).where('id', '=', ids[1]).execute();
  });
  it('signs imported tickets that have no signature', async () => {
    const id = await insertTestTicket(t.deps.db, { title: '历史导入', content: SET[7], received_at: new Date('2026-06-12T08:00:00Z') });
    expect(await indexMissingSignatures(t.deps)).toBe(1);
    const r = await findDuplicates(t.deps, { text: SET[7], excludeTicketId: ids[7] });
    expect(r.duplicates.map((d) => d.id)).toEqual([id]);
  });
});
