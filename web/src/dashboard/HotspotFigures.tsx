// A hotspot's figures (docs/hotspots.md): size and distinct (members that are not near-duplicate
// re-posts), support votes (tickets merged into a member), growth (the last 30 days over the 30
// before, capped at 300%) and the time window, as compact columns and as the expanded row's line.
import { Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useI18n } from '../i18n/index.tsx';
import { formatDate } from '../components/time.ts';
import type { TextHotspots } from './api.ts';

type Hotspot = TextHotspots['items'][number];

const growthPct = (g: number) => `${g > 0 ? '+' : ''}${Math.round(g * 100)}%`;
const growthColor = (g: number) => (g > 0 ? '#cf1322' : g < 0 ? '#389e0d' : undefined);
/** MM-DD ~ MM-DD (the year on hover) */
const shortWindow = (h: Hotspot) => `${formatDate(h.from).slice(5)} ~ ${formatDate(h.to).slice(5)}`;
const fullWindow = (h: Hotspot) => `${formatDate(h.from)} ~ ${formatDate(h.to)}`;

const head = (title: string, hint: string) => <Tooltip title={hint}><span style={{ borderBottom: '1px dotted #999' }}>{title}</span></Tooltip>;

export function useHotspotColumns(): ColumnsType<Hotspot> {
  const { t } = useI18n();
  return [
    {
      key: 'size', title: head(t('dash.tickets'), t('dash.hot.sizeHint')), width: 90,
      render: (_, h) => (
        <span data-testid="hotspot-size">
          {h.size}
          {h.distinct !== h.size ? <Typography.Text type="secondary" title={t('dash.hot.distinctOf', { n: h.distinct })}> ({h.distinct})</Typography.Text> : null}
        </span>
      ),
    },
    { key: 'callers', title: head(t('dash.hot.callers'), t('dash.hot.callersHint')), dataIndex: 'callers', width: 80, render: (v: number) => <span data-testid="hotspot-callers">{v}</span> },
    { key: 'votes', title: head(t('dash.hot.votes'), t('dash.hot.votesHint')), dataIndex: 'votes', width: 70, render: (v: number) => <span data-testid="hotspot-votes">{v}</span> },
    {
      key: 'growth', title: head(t('dash.hot.growth'), t('dash.hot.growthHint')), dataIndex: 'growth', width: 80,
      render: (g: number) => <span style={{ color: growthColor(g) }} data-testid="hotspot-growth">{growthPct(g)}</span>,
    },
    {
      key: 'window', title: t('dash.hot.window'), width: 120,
      render: (_, h) => <span title={fullWindow(h)} data-testid="hotspot-window">{shortWindow(h)}</span>,
    },
  ];
}

/** The expanded row's summary line: every figure spelled out. */
export function HotspotFigures({ h }: { h: Hotspot }) {
  const { t } = useI18n();
  return (
    <Space size={16} wrap style={{ marginBottom: 8, fontSize: 13 }} data-testid="hotspot-figures">
      <span>{t('dash.hot.windowLine', { v: fullWindow(h) })}</span>
      <span>{t('dash.hot.sizeLine', { n: h.size, d: h.distinct })}</span>
      <span>{t('dash.hot.callersLine', { n: h.callers })}</span>
      <span>{t('dash.hot.votesLine', { n: h.votes })}</span>
      <span>
        <span style={{ color: growthColor(h.growth) }}>{t('dash.hot.growthLine', { v: growthPct(h.growth) })}</span>{' '}
        <Typography.Text type="secondary">({t('dash.hot.growthHint')})</Typography.Text>
      </span>
    </Space>
  );
}
