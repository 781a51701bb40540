import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { seedTestFixture, type Fixture } from '../test/fixture.ts';
import { insertTestTicket } from './dedupe/test-tickets.ts';
import { historyUnits } from './unit-history.ts';
import { suggestedUnits } from './suggest-units.ts';

describe.each(DB_KINDS)('units from history on %s', (kind) => {
  let t: TestDb;
  let fx: Fixture;
  beforeAll(async () => {
    t = await createTestDb(kind);
    fx = await seedTestFixture(t.deps);
    const closed = async (division: string, unit: string, n: number, status = 'closed') => {
      for (let i = 0; i < n; i++) {
        await insertTestTicket(t.db, { title: '施工噪音', content: '工地夜间施工噪音', status, category_code: fx.categories.constructionNoise, division_code: division, lead_unit_id: unit });
      }
    };
    await closed(fx.divisions.village1, fx.units.chengguan, 3);
    await closed(fx.divisions.village1, fx.units.zhujian, 1);
    await closed(fx.divisions.village4, fx.units.zhujian, 2);
    await closed(fx.divisions.village4, fx.units.renshe, 5, 'handling'); // open tickets say nothing yet
  });
  afterAll(async () => t?.close());

  it('reads who closed such tickets in the place, or the nearest wider place with enough of them', async () => {
    const here = await historyUnits(t.deps, fx.categories.constructionNoise, fx.divisions.village1);
    expect(here.map((u) => [u.id, u.share, u.of])).toEqual([[fx.units.chengguan, 0.75, 4], [fx.units.zhujian, 0.25, 4]]);
    // two tickets in 前宅村 and its township are too few: the county's six
    const wider = await historyUnits(t.deps, fx.categories.constructionNoise, fx.divisions.village4);
    expect(wider.map((u) => [u.id, u.share])).toEqual(expect.arrayContaining([[fx.units.chengguan, 0.5], [fx.units.zhujian, 0.5]]));
    expect(wider[0].of).toBe(6);
    // the parent category's history covers its children; a category with none gives nothing
    expect((await historyUnits(t.deps, fx.categories.noise, fx.divisions.village1))[0].id).toBe(fx.units.chengguan);
    expect(await historyUnits(t.deps, fx.categories.busRoute, fx.divisions.village1)).toEqual([]);
  });

  it('puts the unit that usually answered before the default government when no rule owns the matter', async () => {
    const units = await suggestedUnits(t.deps, null, { code: fx.categories.constructionNoise, confidence: 0.8 }, fx.divisions.village1);
    expect(units.map((u) => u.id)).toEqual([fx.units.chengguan, fx.units.zhujian, fx.units.countyGov]);
    expect(units.map((u) => u.confidence)).toEqual([0.6, 0.2, 0.2]);
    expect(units[2]).toMatchObject({ fallback: true });
  });
});
