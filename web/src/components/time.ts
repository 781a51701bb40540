// Time helpers: Asia/Shanghai display and "time left" texts.
export type TFn = (key: string, vars?: Record<string, string | number>) => string;

const fmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

/** 2026-11-23 14:05 in Beijing time. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(fmt.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}

export function formatDate(iso: string | null | undefined): string {
  return formatTime(iso).slice(0, 10);
}

/** "3天5小时" / "40分钟" for a duration in ms (absolute). */
export function formatDuration(ms: number, t: TFn): string {
  const mins = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(mins / 1440);
  const h = Math.floor((mins % 1440) / 60);
  const m = mins % 60;
  if (d > 0) return h > 0 ? t('time.daysHours', { d, h }) : t('time.days', { n: d });
  if (h > 0) return t('time.hours', { n: h });
  return t('time.minutes', { n: m });
}

/** "剩 3天5小时" or "已超时 2小时"; '' without a deadline. */
export function timeLeft(deadline: string | null | undefined, t: TFn, now = Date.now()): string {
  if (!deadline) return '';
  const ms = new Date(deadline).getTime() - now;
  return ms >= 0 ? t('time.left', { t: formatDuration(ms, t) }) : t('time.overdueBy', { t: formatDuration(ms, t) });
}
