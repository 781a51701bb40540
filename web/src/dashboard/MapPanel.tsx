// The map: boundaries (the city's counties shipped as GeoJSON, or boundaries an admin uploaded),
// a choropleth of ticket counts or a rate per division, and ticket points where lat/lng exist.
// Clicking a division opens its profile (一村一档).
import { useMemo, useState } from 'react';
import { Alert, Card, Segmented, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { RateRow } from '../contract.ts';
import { useI18n } from '../i18n/index.tsx';
import { echarts, EChart } from './EChart.tsx';
import { pct, reportsApi, type GeoCollection } from './api.ts';

type Measure = 'tickets' | 'response' | 'resolution' | 'satisfaction';

export interface MapPanelProps {
  /** The division whose children are coloured. */
  code: string;
  /** Boundaries; undefined while loading, null when there are none. */
  geo: GeoCollection | null | undefined;
  period: { from?: string; to?: string };
  title?: string;
  height?: number;
}

/** Registers the boundaries under a map name; feature names are division names, codes kept aside. */
function register(name: string, geo: GeoCollection): Map<string, string> {
  const codeByName = new Map<string, string>();
  const features = geo.features.map((f) => {
    const p = f.properties ?? {};
    const code = String(p.adcode ?? p.code ?? '');
    if (p.name && code) codeByName.set(p.name, code);
    return { ...f, properties: { ...p, name: p.name ?? code } };
  });
  echarts.registerMap(name, { type: 'FeatureCollection', features } as never);
  return codeByName;
}

export function MapPanel({ code, geo, period, title, height = 420 }: MapPanelProps) {
  const { t } = useI18n();
  const nav = useNavigate();
  const [measure, setMeasure] = useState<Measure>('tickets');
  const rates = useQuery({
    queryKey: ['reports', 'rates', 'division', code, period],
    queryFn: () => reportsApi.rates({ ...period, groupBy: 'division', divisionCode: code, pageSize: 200 }),
  });
  const points = useQuery({ queryKey: ['reports', 'points', code, period], queryFn: () => reportsApi.points({ ...period, divisionCode: code, limit: 2000 }) });
  const mapName = `lx-${code}`;
  const codeByName = useMemo(() => (geo ? register(mapName, geo) : new Map<string, string>()), [geo, mapName]);
  const option = useMemo(() => {
    if (!geo) return null;
    const rows: RateRow[] = rates.data?.items ?? [];
    const nameByCode = new Map([...codeByName].map(([n, c]) => [c, n]));
    const value = (r: RateRow) => (measure === 'tickets' ? r.tickets : r[measure].rate === null ? null : Math.round(r[measure].rate! * 1000) / 10);
    const data = rows.map((r) => ({ name: nameByCode.get(r.key) ?? r.name, value: value(r), code: r.key, tickets: r.tickets, row: r }));
    const max = Math.max(1, ...data.map((d) => (typeof d.value === 'number' ? d.value : 0)));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesType: string; name: string; data?: { row?: RateRow; number?: string; title?: string } }) => {
          if (p.seriesType === 'scatter') return `${p.data?.number ?? ''}<br/>${p.data?.title ?? ''}`;
          const r = p.data?.row;
          if (!r) return `${p.name}<br/>${t('dash.tickets')}: 0`;
          return [
            `<b>${p.name}</b>`, `${t('dash.tickets')}: ${r.tickets}`, `${t('dash.rate.response')}: ${pct(r.response.rate)}`,
            `${t('dash.rate.resolution')}: ${pct(r.resolution.rate)}`, `${t('dash.rate.satisfaction')}: ${pct(r.satisfaction.rate)}`,
          ].join('<br/>');
        },
      },
      visualMap: {
        seriesIndex: 0, min: 0, max: measure === 'tickets' ? max : 100, left: 8, bottom: 8, calculable: true,
        text: [t('dash.map.high'), t('dash.map.low')], inRange: { color: measure === 'tickets' ? ['#fff1f0', '#c8102e'] : ['#fff1f0', '#fadb14', '#389e0d'] },
      },
      geo: { map: mapName, roam: true, layoutCenter: ['50%', '50%'], layoutSize: '95%', label: { show: true, fontSize: 10 }, itemStyle: { borderColor: '#999' }, emphasis: { label: { show: true } } },
      series: [
        { type: 'map', geoIndex: 0, data },
        {
          type: 'scatter', coordinateSystem: 'geo', symbolSize: 5, itemStyle: { color: '#1677ff', opacity: 0.7 },
          data: (points.data?.items ?? []).map((p) => ({ value: [p.lng, p.lat], number: p.number, title: p.title, id: p.id })),
        },
      ],
    };
  }, [geo, rates.data, points.data, measure, mapName, codeByName, t]);
  return (
    <Card
      size="small"
      title={title ?? t('dash.map')}
      extra={
        <Segmented<Measure>
          size="small"
          value={measure}
          onChange={setMeasure}
          options={(['tickets', 'response', 'resolution', 'satisfaction'] as Measure[]).map((m) => ({ value: m, label: m === 'tickets' ? t('dash.tickets') : t(`dash.rate.${m}`) }))}
        />
      }
    >
      {option ? (
        <EChart
          option={option}
          height={height}
          testId="division-map"
          ariaLabel={title ?? t('dash.map')}
          onClick={(p) => {
            if (p.seriesType === 'scatter') return;
            const c = (p.data as { code?: string } | undefined)?.code ?? (p.name ? codeByName.get(p.name) : undefined);
            if (c) nav(`/dashboard/division/${c}`);
          }}
        />
      ) : geo === undefined ? (
        <Skeleton.Node active style={{ width: '100%', height }} />
      ) : (
        <Alert type="info" showIcon message={t('dash.map.none')} />
      )}
    </Card>
  );
}
