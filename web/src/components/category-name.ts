// A category's name in the reader's language: tickets and reports carry the name they were given
// (Chinese); in English, the tree's English name for the same code is shown where it has one.
import { useCallback, useMemo } from 'react';
import { useCategories } from '../api/refdata.ts';
import { useI18n } from '../i18n/index.tsx';

export function useCategoryName(): (code: string | null | undefined, name: string | null | undefined) => string | null {
  const { locale } = useI18n();
  const cats = useCategories(locale === 'en');
  const en = useMemo(() => new Map((cats.data ?? []).map((c) => [c.code, c.nameEn])), [cats.data]);
  return useCallback((code, name) => (locale === 'en' && code ? en.get(code) : null) || name || null, [locale, en]);
}
