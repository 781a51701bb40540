// Knowledge base for agents (direct answers) and the out-of-scope rules cited when not accepting.
import type { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { KbCreate, KbPatch, ScopeRuleBody } from '../contract/orgs.ts';
import { findCategory } from './categories.repo.ts';
import { deleteKb, findKb, insertKb, listScopeRules, searchKb, updateKb, upsertScopeRules } from './kb.repo.ts';

type Row = NonNullable<Awaited<ReturnType<typeof findKb>>>;
const present = (k: Row) => ({
  id: k.id, title: k.title, body: k.body, categoryCode: k.category_code, categoryName: k.category_name ?? null,
  keywords: k.keywords, active: k.active, updatedAt: new Date(k.updated_at).toISOString(),
});

export async function searchKnowledge(deps: Deps, q: { q?: string; categoryCode?: string; includeInactive?: boolean; page: number; pageSize: number }) {
  const terms = (q.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  const { items, total } = await searchKb(deps.db, { terms, categoryCode: q.categoryCode, includeInactive: q.includeInactive }, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: items.map(present), total, page: q.page, pageSize: q.pageSize };
}

export async function getKb(deps: Deps, id: string) {
  const k = await findKb(deps.db, id);
  if (!k) throw new AppError('not_found', `kb ${id}`);
  return present(k);
}

async function checkCategory(deps: Deps, code: string | null | undefined) {
  if (code && !(await findCategory(deps.db, code))) throw new AppError('unknown_category', code);
}

export async function createKb(deps: Deps, input: z.infer<typeof KbCreate>) {
  await checkCategory(deps, input.categoryCode);
  const [id] = await insertKb(deps.db, [{ title: input.title, body: input.body, category_code: input.categoryCode ?? null, keywords: input.keywords ?? '' }]);
  return getKb(deps, id!);
}

export async function patchKb(deps: Deps, id: string, input: z.infer<typeof KbPatch>) {
  await getKb(deps, id);
  await checkCategory(deps, input.categoryCode);
  const set: Record<string, unknown> = {};
  if (input.title !== undefined) set.title = input.title;
  if (input.body !== undefined) set.body = input.body;
  if (input.categoryCode !== undefined) set.category_code = input.categoryCode ?? null;
  if (input.keywords !== undefined) set.keywords = input.keywords;
  if (input.active !== undefined) set.active = input.active;
  await updateKb(deps.db, id, set);
  return getKb(deps, id);
}

export async function removeKb(deps: Deps, id: string) {
  if (!(await deleteKb(deps.db, id))) throw new AppError('not_found', `kb ${id}`);
  return { ok: true };
}

export async function scopeRules(deps: Deps) {
  return (await listScopeRules(deps.db)).map((r) => ({ code: r.code, title: r.title, titleEn: r.title_en, basis: r.basis }));
}

export async function putScopeRule(deps: Deps, code: string, input: z.infer<typeof ScopeRuleBody>) {
  await upsertScopeRules(deps.db, [{ code, title: input.title, title_en: input.titleEn ?? null, basis: input.basis }]);
  return (await scopeRules(deps)).find((r) => r.code === code)!;
}
