// Units (承办单位): a tree of governments, departments, streets/townships and communities.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { UnitCreate, UnitPatch } from '../contract/orgs.ts';
import { findDivision } from '../divisions/divisions.repo.ts';
import { existingCategoryCodes } from './categories.repo.ts';
import {
  findUnit, findUnitByCode, insertUnit, listUnits, movePaths, replaceWhitelist, unitNames, updateUnitRow, whitelistOf, type UnitFilter,
} from './units.repo.ts';
import { invalidateRouteTable } from '../dispatch/route-table.ts';

type UnitRow = NonNullable<Awaited<ReturnType<typeof findUnit>>>;

export const presentUnit = (u: UnitRow | Awaited<ReturnType<typeof listUnits>>['items'][number]) => ({
  id: u.id, code: u.code, name: u.name, shortName: u.short_name, kind: u.kind, parentId: u.parent_id,
  divisionCode: u.division_code, divisionName: u.division_name ?? null, isFallback: u.is_fallback,
  whitelistOnly: u.whitelist_only, active: u.active, path: u.path, childCount: Number(u.child_count ?? 0),
});

export async function listUnitsPage(deps: Deps, q: UnitFilter & { page: number; pageSize: number }) {
  const { items, total } = await listUnits(deps.db, q, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: items.map(presentUnit), total, page: q.page, pageSize: q.pageSize };
}

export async function getUnit(deps: Deps, id: string) {
  const u = await findUnit(deps.db, id);
  if (!u) throw new AppError('not_found', `unit ${id}`);
  const chain = u.path.split('/').filter(Boolean).slice(0, -1);
  const names = new Map((await unitNames(deps.db, chain)).map((n) => [n.id, n.name]));
  return {
    ...presentUnit(u),
    ancestors: chain.map((a) => ({ id: a, name: names.get(a) ?? '' })),
    whitelist: await whitelistOf(deps.db, id),
  };
}

async function checkDivision(deps: Deps, code: string | null | undefined) {
  if (code && !(await findDivision(deps.db, code))) throw new AppError('unknown_division', code);
}

export async function createUnit(deps: Deps, input: z.infer<typeof UnitCreate>) {
  if (await findUnitByCode(deps.db, input.code)) throw new AppError('duplicate', `unit code ${input.code}`);
  await checkDivision(deps, input.divisionCode);
  const parent = input.parentId ? await findUnit(deps.db, input.parentId) : null;
  if (input.parentId && !parent) throw new AppError('unknown_unit', input.parentId);
  const id = randomUUID();
  await insertUnit(deps.db, {
    id, code: input.code, name: input.name, short_name: input.shortName ?? null, kind: input.kind,
    parent_id: parent?.id ?? null, division_code: input.divisionCode ?? null,
    is_fallback: input.isFallback ?? false, whitelist_only: input.whitelistOnly ?? input.kind === 'community',
    path: `${parent?.path ?? '/'}${id}/`,
  });
  invalidateRouteTable(deps.db);
  return getUnit(deps, id);
}

export async function updateUnit(deps: Deps, id: string, input: z.infer<typeof UnitPatch>) {
  const u = await findUnit(deps.db, id);
  if (!u) throw new AppError('not_found', `unit ${id}`);
  await checkDivision(deps, input.divisionCode);
  await deps.db.transaction().execute(async (trx) => {
    if (input.parentId !== undefined && (input.parentId ?? null) !== u.parent_id) {
      const parent = input.parentId ? await findUnit(trx, input.parentId) : null;
      if (input.parentId && !parent) throw new AppError('unknown_unit', input.parentId);
      if (parent && parent.path.startsWith(u.path)) throw new AppError('validation', 'a unit cannot move under itself');
      await movePaths(trx, u.path, `${parent?.path ?? '/'}${id}/`);
    }
    const set: Record<string, unknown> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.shortName !== undefined) set.short_name = input.shortName ?? null;
    if (input.kind !== undefined) set.kind = input.kind;
    if (input.parentId !== undefined) set.parent_id = input.parentId ?? null;
    if (input.divisionCode !== undefined) set.division_code = input.divisionCode ?? null;
    if (input.isFallback !== undefined) set.is_fallback = input.isFallback;
    if (input.whitelistOnly !== undefined) set.whitelist_only = input.whitelistOnly;
    if (input.active !== undefined) set.active = input.active;
    await updateUnitRow(trx, id, set);
  });
  invalidateRouteTable(deps.db);
  return getUnit(deps, id);
}

export async function setWhitelist(deps: Deps, unitId: string, categoryCodes: string[]) {
  if (!(await findUnit(deps.db, unitId))) throw new AppError('not_found', `unit ${unitId}`);
  const codes = [...new Set(categoryCodes)];
  if (codes.length) {
    const have = await existingCategoryCodes(deps.db, codes);
    const missing = codes.filter((c) => !have.includes(c));
    if (missing.length) throw new AppError('unknown_category', missing.join(', '));
  }
  await replaceWhitelist(deps.db, unitId, codes);
  return whitelistOf(deps.db, unitId);
}
