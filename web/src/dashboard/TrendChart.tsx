// Monthly trend of the three rates (ECharts lines) with ticket volume as bars.
import { useMemo } from 'react';
import { Card, Empty } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/index.tsx';
import { reportsApi } from './api.ts';
import { EChart } from './EChart.tsx';

export function TrendChart({ unitId, divisionCode, months = 6 }: { unitId?: string; divisionCode?: string; months?: number }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['reports', 'trend', months, unitId, divisionCode], queryFn: () => reportsApi.trend({ months, unitId, divisionCode }) });
  const option = useMemo(() => {
    const items = q.data?.items ?? [];
    const colors = { response: '#1677ff', resolution: '#389e0d', satisfaction: '#c8102e' };
    const line = (k: 'response' | 'resolution' | 'satisfaction') => ({
      name: t(`dash.rate.${k}`), type: 'line', smooth: true, connectNulls: true, yAxisIndex: 0, itemStyle: { color: colors[k] }, lineStyle: { color: colors[k] },
      data: items.map((i) => (i[k].rate === null ? null : Math.round(i[k].rate * 1000) / 10)),
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 40, top: 36, bottom: 24 },
      xAxis: { type: 'category', data: items.map((i) => i.key) },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', name: t('dash.tickets'), splitLine: { show: false } },
      ],
      series: [
        { name: t('dash.tickets'), type: 'bar', yAxisIndex: 1, data: items.map((i) => i.tickets), itemStyle: { color: '#d9d9d9' } },
        line('response'), line('resolution'), line('satisfaction'),
      ],
    };
  }, [q.data, t]);
  return (
    <Card size="small" title={t('dash.trend', { n: months })} loading={q.isLoading}>
      {q.data && q.data.items.every((i) => i.tickets === 0) ? <Empty /> : <EChart option={option} height={280} testId="trend-chart" ariaLabel={t('dash.trend', { n: months })} />}
    </Card>
  );
}
