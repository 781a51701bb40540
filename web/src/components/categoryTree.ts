// Flat category list → antd TreeSelect data.
import type { Category } from '../api/refdata.ts';

export interface CategoryNode {
  value: string;
  title: string;
  children: CategoryNode[];
}

export function categoryTree(cats: Pick<Category, 'code' | 'name' | 'parentCode'>[], locale: 'zh' | 'en' = 'zh'): CategoryNode[] {
  const byCode = new Map<string, CategoryNode>();
  for (const c of cats) {
    const en = (c as { nameEn?: string | null }).nameEn;
    byCode.set(c.code, { value: c.code, title: locale === 'en' && en ? en : c.name, children: [] });
  }
  const roots: CategoryNode[] = [];
  for (const c of cats) {
    const node = byCode.get(c.code)!;
    const parent = c.parentCode ? byCode.get(c.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
