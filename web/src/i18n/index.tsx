// Locale state and the t() hook. zh is the default; the choice is remembered per user
// (PUT /api/v1/auth/me/locale when signed in) and in localStorage otherwise.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { LABELS } from '../contract.ts';
import { translate, type Locale } from './dicts.ts';

export type { Locale } from './dicts.ts';

const STORAGE_KEY = 'lx.locale';

export function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'en' || v === 'zh') return v;
  } catch {
    /* storage unavailable */
  }
  return 'zh';
}

export function rememberLocale(l: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    /* storage unavailable */
  }
}

type LabelKind = keyof typeof LABELS;
type Vars = Record<string, string | number>;

export interface I18n {
  locale: Locale;
  /** The user switches language: remembered locally and, when signed in, on the server. */
  setLocale: (l: Locale) => void;
  /** Take the language stored on the user's account (no write back). */
  adoptLocale: (l: Locale) => void;
  t: (key: string, vars?: Vars) => string;
  /** Text of a contract enum value (status, requestType, urgency, channel). */
  label: (kind: LabelKind, value: string | null | undefined) => string;
}

const Ctx = createContext<I18n | null>(null);

export function LocaleProvider({ children, onChange }: { children: ReactNode; onChange?: (l: Locale) => void }) {
  const [locale, setState] = useState<Locale>(storedLocale);
  const adoptLocale = useCallback((l: Locale) => {
    setState(l);
    rememberLocale(l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  }, []);
  const setLocale = useCallback(
    (l: Locale) => {
      adoptLocale(l);
      onChange?.(l);
    },
    [adoptLocale, onChange],
  );
  const value = useMemo<I18n>(() => {
    const idx = locale === 'zh' ? 0 : 1;
    return {
      locale,
      setLocale,
      adoptLocale,
      t: (key, vars) => translate(locale, key, vars),
      label: (kind, v) => {
        if (!v) return '';
        const row = (LABELS[kind] as Record<string, readonly [string, string]>)[v];
        return row ? row[idx] : v;
      },
    };
  }, [locale, setLocale, adoptLocale]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside LocaleProvider');
  return v;
}

/** The t() function for the current locale. */
export function useT() {
  return useI18n().t;
}
