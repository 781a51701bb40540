// The SLA sweep's alerts (催办, 超期, 回访任务) are written by the server in Chinese; in English
// their text is rebuilt from the alert's kind, what it is about (a ticket number or a proactive
// case's title) and the deadline.
import type { Locale } from '../i18n/dicts.ts';
import type { TFn } from './time.ts';

const DEADLINE = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;

export function alertText(a: { kind: string; body: string; /** ticket number or case title */ number: string | null; deadline?: string | null }, locale: Locale, t: TFn): string {
  if (locale === 'zh') return a.body;
  const key = `notif.text.${a.kind}`;
  const deadline = a.deadline ?? DEADLINE.exec(a.body)?.[0] ?? '';
  const s = t(key, { number: a.number ?? '', title: a.number ?? '', deadline });
  return s === key || !a.number || !deadline ? a.body : s;
}

export function alertKindLabel(kind: string, t: TFn): string {
  const key = `notif.kind.${kind}`;
  const s = t(key);
  return s === key ? kind : s;
}
