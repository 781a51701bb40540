import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import { seedTestFixture, type Fixture } from '../test/fixture.ts';
import { checkWhitelist, resolveRoute, resolveRouteFromDb, unitsServingPlace } from './route.ts';
import { invalidateRouteTable } from './route-table.ts';
import { createRoutingRule } from '../orgs/routing-rules.ts';

describe.each(DB_KINDS)('dispatch resolution on %s', (kind) => {
  let t: TestDb;
  let f: Fixture;
  beforeAll(async () => {
    t = await createTestDb(kind);
    f = await seedTestFixture(t.deps);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends a child category to the unit owning its level-1 ancestor', async () => {
    const r = await resolveRoute(t.deps, { categoryCode: f.categories.propertyService, divisionCode: f.divisions.village1 });
    expect(r).toMatchObject({ leadUnitId: f.units.zhujian, coUnitIds: [], ruleId: f.rules.construction, fallback: false });
    expect(r.reason).toContain('柘荣县住房和城乡建设局');
  });

  it('prefers the deeper category and the deeper division, with co-units', async () => {
    const inFuxi = await resolveRoute(t.deps, { categoryCode: f.categories.streetVending, divisionCode: f.divisions.village3 });
    expect(inFuxi).toMatchObject({ leadUnitId: f.units.township2, coUnitIds: [f.units.chengguan], ruleId: f.rules.vendingFuxi });
    const inShuangcheng = await resolveRoute(t.deps, { categoryCode: f.categories.streetVending, divisionCode: f.divisions.village1 });
    expect(inShuangcheng).toMatchObject({ leadUnitId: f.units.chengguan, ruleId: f.rules.cityMgmt });
  });

  it('keeps only the units that can act in a place: above it, below it, or city-wide, not another branch', async () => {
    const u = f.units;
    const all = [u.cityGov, u.countyGov, u.zhujian, u.township1, u.township2, u.village1, u.village3];
    // a village of 双城镇: the 富溪镇 government and a 富溪 village cannot act there
    expect(await unitsServingPlace(t.deps, all, f.divisions.village1)).toEqual([u.cityGov, u.countyGov, u.zhujian, u.township1, u.village1]);
    // the county as the place: every unit in it may be the one
    expect(await unitsServingPlace(t.deps, all, f.divisions.county)).toEqual(all);
    // no place known: no unit narrower than the widest a rule names (here the county's bureaus):
    // which township it is would be a guess
    expect(await unitsServingPlace(t.deps, all, null)).toEqual([u.cityGov, u.countyGov, u.zhujian]);
  });

  it('falls back to the nearest government when no rule owns the matter (兜底)', async () => {
    const county = await resolveRoute(t.deps, { categoryCode: f.categories.constructionNoise, divisionCode: f.divisions.village2 });
    expect(county).toMatchObject({ leadUnitId: f.units.countyGov, ruleId: null, fallback: true });
    expect(county.reason).toContain('兜底');
    const city = await resolveRoute(t.deps, { categoryCode: f.categories.constructionNoise, divisionCode: f.divisions.city });
    expect(city).toMatchObject({ leadUnitId: f.units.cityGov, fallback: true });
    // no place known: the matter lies in the deployment's area (the top government's division), so
    // a county's rule does not take it (which county is a guess) …
    const nowhere = await resolveRoute(t.deps, { categoryCode: f.categories.property });
    expect(nowhere).toMatchObject({ leadUnitId: f.units.cityGov, fallback: true });
    // … but a rule for the whole city does
    const [cityRule] = await t.db.insertInto('routing_rules')
      .values({ category_code: f.categories.property, division_code: f.divisions.city, lead_unit_id: f.units.zhujian }).returning('id').execute();
    invalidateRouteTable(t.db);
    // (from memory and by SQL alike)
    // (so does a division above the area: 福建省 for a 宁德市 deployment says no more than "here")
    const placeless = [{ categoryCode: f.categories.property }, { categoryCode: f.categories.property, divisionCode: null }, { categoryCode: f.categories.property, divisionCode: f.divisions.province }];
    const decided = [...await Promise.all(placeless.map((i) => resolveRoute(t.deps, i))), ...await Promise.all(placeless.map((i) => resolveRouteFromDb(t.deps, i)))];
    for (const r of decided) {
      expect(r).toMatchObject({ ruleId: cityRule.id, leadUnitId: f.units.zhujian, fallback: false });
    }
    await t.db.deleteFrom('routing_rules').where('id', '=', cityRule.id).execute();
    invalidateRouteTable(t.db);
    for (const r of [await resolveRoute(t.deps, { categoryCode: f.categories.property, divisionCode: f.divisions.province }), await resolveRouteFromDb(t.deps, { categoryCode: f.categories.property, divisionCode: f.divisions.province })]) {
      expect(r).toMatchObject({ leadUnitId: f.units.cityGov, fallback: true });
    }
  });

  it('orders equally specific rules by priority and ignores inactive rules and units', async () => {
    const [hi] = await t.db.insertInto('routing_rules')
      .values({ category_code: f.categories.construction, division_code: f.divisions.county, lead_unit_id: f.units.chengguan, priority: 10 })
      .returning('id').execute();
    invalidateRouteTable(t.db); // written by hand, not through Lianxin: otherwise seen within the table's TTL
    expect((await resolveRoute(t.deps, { categoryCode: f.categories.maintenanceFund, divisionCode: f.divisions.village4 })).ruleId).toBe(hi!.id);
    await t.db.updateTable('routing_rules').set({ active: false }).where('id', '=', hi!.id).execute();
    invalidateRouteTable(t.db);
    expect((await resolveRoute(t.deps, { categoryCode: f.categories.maintenanceFund, divisionCode: f.divisions.village4 })).leadUnitId).toBe(f.units.zhujian);
    await t.db.updateTable('units').set({ active: false }).where('id', '=', f.units.renshe).execute();
    invalidateRouteTable(t.db);
    const labour = await resolveRoute(t.deps, { categoryCode: f.categories.unpaidWages, divisionCode: f.divisions.township1 });
    expect(labour).toMatchObject({ leadUnitId: f.units.countyGov, fallback: true });
    await t.db.updateTable('units').set({ active: true }).where('id', '=', f.units.renshe).execute();
    invalidateRouteTable(t.db);
  });

  it('a rule for any category in a township beats the fallback but not a category rule', async () => {
    const [any] = await t.db.insertInto('routing_rules')
      .values({ category_code: null, division_code: f.divisions.township1, lead_unit_id: f.units.township1 })
      .returning('id').execute();
    invalidateRouteTable(t.db);
    expect(await resolveRoute(t.deps, { categoryCode: f.categories.busRoute, divisionCode: f.divisions.village1 }))
      .toMatchObject({ leadUnitId: f.units.township1, ruleId: any!.id, fallback: false });
    expect((await resolveRoute(t.deps, { categoryCode: f.categories.propertyService, divisionCode: f.divisions.village1 })).leadUnitId)
      .toBe(f.units.zhujian);
    await t.db.deleteFrom('routing_rules').where('id', '=', any!.id).execute();
    invalidateRouteTable(t.db);
  });

  it('decides from memory exactly as the SQL path does, for every category × division', async () => {
    const cats = [null, ...(await t.db.selectFrom('categories').select('code').execute()).map((c) => c.code)];
    const divs = [null, ...(await t.db.selectFrom('divisions').select('code').execute()).map((d) => d.code)];
    let n = 0;
    for (const categoryCode of cats) {
      for (const divisionCode of divs) {
        const input = { categoryCode, divisionCode };
        expect(await resolveRoute(t.deps, input), JSON.stringify(input)).toEqual(await resolveRouteFromDb(t.deps, input));
        n++;
      }
    }
    expect(n).toBeGreaterThan(50);
  });

  it('a rule made through Lianxin routes at once; one written by hand once the table is refreshed', async () => {
    const input = { categoryCode: f.categories.busRoute, divisionCode: f.divisions.village2 };
    const before = await resolveRoute(t.deps, input);
    const rule = await createRoutingRule(t.deps, { categoryCode: f.categories.busRoute, divisionCode: f.divisions.township1, leadUnitId: f.units.township2 });
    expect(await resolveRoute(t.deps, input)).toMatchObject({ ruleId: rule.id, leadUnitId: f.units.township2 });
    await t.db.updateTable('routing_rules').set({ active: false }).where('id', '=', rule.id).execute();
    expect((await resolveRoute(t.deps, input)).ruleId).toBe(rule.id); // the table in hand, until its TTL
    invalidateRouteTable(t.db);
    expect(await resolveRoute(t.deps, input)).toEqual(before);
  });

  it('refuses unknown codes', async () => {
    await expect(resolveRoute(t.deps, { categoryCode: '9999', divisionCode: f.divisions.county })).rejects.toMatchObject({ code: 'unknown_category' });
    await expect(resolveRoute(t.deps, { categoryCode: f.categories.bus, divisionCode: '110101' })).rejects.toMatchObject({ code: 'unknown_division' });
  });

  it('applies village whitelists through category ancestors', async () => {
    expect(await checkWhitelist(t.deps, f.units.village1, f.categories.certificate)).toBe(true);
    expect(await checkWhitelist(t.deps, f.units.village1, f.categories.propertyService)).toBe(false);
    expect(await checkWhitelist(t.deps, f.units.village1, null)).toBe(false);
    expect(await checkWhitelist(t.deps, f.units.zhujian, f.categories.certificate)).toBe(true);
    await expect(checkWhitelist(t.deps, '00000000-0000-0000-0000-000000000001', '01')).rejects.toMatchObject({ code: 'unknown_unit' });
  });
});
