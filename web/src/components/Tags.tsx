// Small shared badges: ticket status, green/yellow/red light with time left, urgency.
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import { formatTime, timeLeft } from './time.ts';

const STATUS_COLORS: Record<string, string> = {
  received: 'blue', dispatched: 'geekblue', signed: 'cyan', handling: 'processing', replied: 'purple',
  callback: 'magenta', returned: 'orange', merged: 'default', closed: 'green',
};

export function StatusTag({ status }: { status: string }) {
  const { label } = useI18n();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{label('status', status)}</Tag>;
}

const LIGHT_COLORS = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' } as const;

/** A coloured dot + light name + time left, e.g. ● 临期 剩 5小时. */
export function LightBadge({ light, deadline, compact }: { light: 'green' | 'yellow' | 'red' | null; deadline: string | null; compact?: boolean }) {
  const { t } = useI18n();
  if (!light && !deadline) return null;
  const color = light ? LIGHT_COLORS[light] : '#8c8c8c';
  const left = timeLeft(deadline, t);
  return (
    <Tooltip title={deadline ? `${t('field.deadline')} ${formatTime(deadline)}` : undefined}>
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, color, whiteSpace: 'nowrap' }} data-light={light ?? ''}>
        <span aria-hidden style={{ width: 10, height: 10, borderRadius: 5, background: color, display: 'inline-block' }} />
        {/* "overdue by …" already says red; the label would only repeat it (and overflow the column) */}
        {compact || (light === 'red' && deadline && new Date(deadline).getTime() < Date.now()) ? null : <span>{light ? t(`light.${light}`) : ''}</span>}
        <span>{left}</span>
      </span>
    </Tooltip>
  );
}

const URGENCY_COLORS: Record<string, string> = { emergency: 'red', utility: 'volcano', general: 'default', complex: 'gold' };

export function UrgencyTag({ urgency, wrap }: { urgency: string; wrap?: boolean }) {
  const { label } = useI18n();
  const text = label('urgency', urgency);
  // a long label (English "Utilities / extreme weather") is cut to its cell, in full on hover;
  // or, where it matters (the dispatch queue sorts by it), wrapped onto a second line
  const fit = wrap ? { whiteSpace: 'normal', lineHeight: '18px' } as const : { overflow: 'hidden', textOverflow: 'ellipsis' } as const;
  return <Tag color={URGENCY_COLORS[urgency] ?? 'default'} title={text} style={{ maxWidth: '100%', verticalAlign: 'middle', ...fit }}>{text}</Tag>;
}
