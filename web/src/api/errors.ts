// Turns any error into words for the current locale.
import { useCallback } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { ApiError } from './client.ts';

export function useErrorText() {
  const { locale, t } = useI18n();
  return useCallback(
    (err: unknown): string => {
      if (err instanceof ApiError) {
        const base = err.messages ? err.messages[locale] : t('error.unknown');
        return err.detail && err.code !== 'internal' ? `${base}（${err.detail}）` : base;
      }
      if (err instanceof TypeError) return t('error.network');
      return t('error.unknown');
    },
    [locale, t],
  );
}
