// All texts: the core dictionaries plus each area's own `web/src/<area>/i18n.ts`
// (which exports `zh` and `en` objects, key → text). Areas own their keys, so engineers
// working on different areas never edit the same dictionary file.
import { zh as coreZh } from './zh.ts';
import { en as coreEn } from './en.ts';

export type Locale = 'zh' | 'en';
export type Dict = Record<string, string>;

interface AreaDict {
  zh: Dict;
  en: Dict;
}

const areaDicts = import.meta.glob<AreaDict>('../*/i18n.ts', { eager: true });

function merge(locale: Locale): Dict {
  const out: Dict = { ...(locale === 'zh' ? coreZh : coreEn) };
  for (const mod of Object.values(areaDicts)) Object.assign(out, mod[locale]);
  return out;
}

export const DICTS: Record<Locale, Dict> = { zh: merge('zh'), en: merge('en') };

/** Per-source dictionaries, for the completeness test. */
export function dictSources(): { source: string; zh: Dict; en: Dict }[] {
  return [
    { source: 'i18n/zh.ts + en.ts', zh: coreZh, en: coreEn },
    ...Object.entries(areaDicts).map(([path, m]) => ({ source: path.replace('../', ''), zh: m.zh ?? {}, en: m.en ?? {} })),
  ];
}

/** Replaces {name} placeholders. */
export function format(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function translate(locale: Locale, key: string, vars?: Record<string, string | number>): string {
  const text = DICTS[locale][key] ?? DICTS.zh[key] ?? key;
  return format(text, vars);
}
