// Turns any error into words for the current locale.
import { useCallback } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { ApiError } from './client.ts';

/** Details the server gives that a reader of Chinese needs (the rest: the message says enough). */
const DETAIL_ZH: Record<string, string> = {
  'can only pass down to a sub-unit': '只能下派给本单位的下级单位',
  'unknown attachment': '附件无效或不属于您',
  'from must be before to': '开始时间须早于结束时间',
  'start_date must be before end_date': '开始时间须早于结束时间',
  'receivedAt must lie within the last 90 days and not in the future': '受理时间须在近 90 天内且不晚于现在',
  'say what was done on the spot (onSiteResult)': '请填写现场处置结果',
  'a handler needs a unit': '承办人须选择所属单位',
  'a leader needs a unit': '单位负责人须选择所属单位',
  'a grid worker needs a division': '网格员须选择所属区划',
  'username taken': '用户名已被使用',
};

export function useErrorText() {
  const { locale, t } = useI18n();
  return useCallback(
    (err: unknown): string => {
      if (err instanceof ApiError) {
        const base = err.messages ? err.messages[locale] : t('error.unknown');
        if (!err.detail || err.code === 'internal') return base;
        // the server's detail is English: in Chinese, a known one is said in Chinese, another left out
        if (locale === 'en') return `${base} (${err.detail})`;
        // a field the server refused (body/divisionCode …): at least which one
        const field = /^(?:body|querystring|params)\/([\w.\/]+)/.exec(err.detail)?.[1];
        const zh = DETAIL_ZH[err.detail] ?? (/[\u4e00-\u9fff]/.test(err.detail) ? err.detail : field ? `字段 ${field}` : null);
        return zh ? `${base}（${zh}）` : base;
      }
      if (err instanceof TypeError) return t('error.network');
      return t('error.unknown');
    },
    [locale, t],
  );
}
