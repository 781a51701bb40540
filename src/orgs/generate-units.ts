// One unit per place: the city/county governments (兜底 owners of their division), one unit per
// street/township under its county government and one per village/community (准入清单 applies)
// under its street/township. Existing units (by code) are kept as they are; safe to run again.
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Deps } from '../server/deps.ts';
import type { UnitsTable } from '../db/schema.ts';
import { AppError } from '../shared/errors.ts';
import { findDivision } from '../divisions/divisions.repo.ts';
import { allUnitCodes, insertUnitsIgnoringExisting, insertWhitelist, subtreeDivisions } from './units.repo.ts';
import { invalidateRouteTable } from '../dispatch/route-table.ts';

export const unitCodeFor = {
  government: (division: string) => `gov-${division}`,
  street: (division: string) => `street-${division}`,
  community: (division: string) => `comm-${division}`,
};

function streetUnitName(name: string) {
  return name.endsWith('街道') ? `${name}办事处` : `${name}人民政府`;
}
function communityUnitName(name: string) {
  if (name.endsWith('社区')) return `${name}居民委员会`;
  if (name.endsWith('村')) return `${name}民委员会`;
  return `${name}居民委员会`;
}

export interface GenerateResult {
  created: number;
  existing: number;
  byKind: Record<string, number>;
}

/** Generate units for a city (level 2) or county (level 3) division and everything under it. */
export async function generateUnits(deps: Deps, code: string, opts: { whitelist?: string[] } = {}): Promise<GenerateResult> {
  const divisions = await subtreeDivisions(deps.db, code);
  const root = divisions.find((d) => d.code === code);
  if (!root) throw new AppError('unknown_division', code);
  if (root.level !== 2 && root.level !== 3) throw new AppError('validation', 'units are generated for a city or a county');

  const existing = new Map((await allUnitCodes(deps.db)).map((u) => [u.code, u]));
  const known = new Map(existing);
  const rows: Insertable<UnitsTable>[] = [];
  const byKind: Record<string, number> = {};
  const ensure = (unitCode: string, make: () => Omit<Insertable<UnitsTable>, 'id' | 'path' | 'code'>, parentCode: string | null) => {
    const have = known.get(unitCode);
    if (have) return have;
    const parent = parentCode ? known.get(parentCode) : undefined;
    const id = randomUUID();
    const row = { id, code: unitCode, ...make(), parent_id: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/` };
    rows.push(row);
    byKind[row.kind] = (byKind[row.kind] ?? 0) + 1;
    const entry = { id, code: unitCode, path: row.path };
    known.set(unitCode, entry);
    return entry;
  };

  // The city government sits above county governments when the city itself is in the database.
  const cityCode = root.level === 2 ? root.code : root.parent_code;
  const city = !cityCode ? undefined : root.level === 2 ? root : await findDivision(deps.db, cityCode);
  if (city && city.level === 2) {
    ensure(unitCodeFor.government(city.code), () => ({
      name: `${city.name}人民政府`, short_name: `${city.name}政府`, kind: 'government', division_code: city.code, is_fallback: true,
    }), null);
  }
  const govOf = (d: { code: string; parent_code: string | null }) => unitCodeFor.government(d.parent_code ?? '');
  const newVillages: string[] = [];
  for (const d of divisions) {
    if (d.level === 3) {
      ensure(unitCodeFor.government(d.code), () => ({
        name: `${d.name}人民政府`, short_name: `${d.name}政府`, kind: 'government', division_code: d.code, is_fallback: true,
      }), d.parent_code ? unitCodeFor.government(d.parent_code) : null);
    } else if (d.level === 4) {
      ensure(unitCodeFor.street(d.code), () => ({ name: streetUnitName(d.name), short_name: d.name, kind: 'street', division_code: d.code }), govOf(d));
    } else if (d.level === 5) {
      const before = rows.length;
      const u = ensure(unitCodeFor.community(d.code), () => ({
        name: communityUnitName(d.name), short_name: d.name, kind: 'community', division_code: d.code, whitelist_only: true,
      }), d.parent_code ? unitCodeFor.street(d.parent_code) : null);
      if (rows.length > before) newVillages.push(u.id);
    }
  }
  await insertUnitsIgnoringExisting(deps.db, rows);
  if (opts.whitelist?.length && newVillages.length) await insertWhitelist(deps.db, newVillages, opts.whitelist);
  invalidateRouteTable(deps.db);
  return { created: rows.length, existing: existing.size, byKind };
}
