// The 3-level category tree: public read as a tree, admin create/update.
import type { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { CategoryCreate, CategoryPatch } from '../contract/orgs.ts';
import { allCategories, childCodes, findCategory, insertCategories, updateCategory } from './categories.repo.ts';
import { invalidateRouteTable } from '../dispatch/route-table.ts';

type Row = Awaited<ReturnType<typeof allCategories>>[number];
export const presentCategory = (c: Row) => ({
  code: c.code, name: c.name, nameEn: c.name_en, level: c.level, parentCode: c.parent_code, keywords: c.keywords, active: c.active,
});
export type CategoryNode = ReturnType<typeof presentCategory> & { children: CategoryNode[] };

export async function listCategories(deps: Deps, opts: { includeInactive?: boolean } = {}) {
  return (await allCategories(deps.db, !!opts.includeInactive)).map(presentCategory);
}

export async function categoryTree(deps: Deps, opts: { includeInactive?: boolean } = {}): Promise<CategoryNode[]> {
  const flat = await listCategories(deps, opts);
  const byCode = new Map<string, CategoryNode>(flat.map((c) => [c.code, { ...c, children: [] }]));
  const roots: CategoryNode[] = [];
  for (const node of byCode.values()) {
    const parent = node.parentCode ? byCode.get(node.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else if (!node.parentCode) roots.push(node);
  }
  return roots;
}

/** Creates a category; without a code it gets the parent's code + the next two digits. */
export async function createCategory(deps: Deps, input: z.infer<typeof CategoryCreate>) {
  const parent = input.parentCode ? await findCategory(deps.db, input.parentCode) : null;
  if (input.parentCode && !parent) throw new AppError('unknown_category', input.parentCode);
  if (parent && parent.level >= 3) throw new AppError('validation', 'categories have at most 3 levels');
  let code = input.code;
  if (!code) {
    const prefix = parent?.code ?? '';
    const taken = (await childCodes(deps.db, parent?.code ?? null))
      .filter((c) => c.startsWith(prefix) && /^\d{2}$/.test(c.slice(prefix.length)))
      .map((c) => Number(c.slice(prefix.length)));
    const next = (taken.length ? Math.max(...taken) : 0) + 1;
    if (next > 99) throw new AppError('validation', 'no free category code; give one');
    code = `${prefix}${String(next).padStart(2, '0')}`;
  }
  if (await findCategory(deps.db, code)) throw new AppError('duplicate', `category ${code}`);
  await insertCategories(deps.db, [{
    code, name: input.name, name_en: input.nameEn ?? null, level: (parent?.level ?? 0) + 1,
    parent_code: parent?.code ?? null, keywords: input.keywords ?? '', keywords_at: deps.now(),
  }]);
  invalidateRouteTable(deps.db);
  return presentCategory((await findCategory(deps.db, code))!);
}

export async function patchCategory(deps: Deps, code: string, input: z.infer<typeof CategoryPatch>) {
  if (!(await findCategory(deps.db, code))) throw new AppError('not_found', `category ${code}`);
  const set: Record<string, unknown> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.nameEn !== undefined) set.name_en = input.nameEn ?? null;
  if (input.keywords !== undefined) {
    set.keywords = input.keywords;
    set.keywords_at = deps.now();
  }
  if (input.active !== undefined) set.active = input.active;
  await updateCategory(deps.db, code, set);
  return presentCategory((await findCategory(deps.db, code))!);
}
