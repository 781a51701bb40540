// Supervisor / leader dashboard: the rates with their formulas, trend, map, per-unit rates,
// ranking, overdue and 督办 lists, hotspots by place and category.
import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Row, Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useErrorText } from '../api/errors.ts';
import { useMe } from '../api/auth.ts';
import { useI18n } from '../i18n/index.tsx';
import { TicketList } from '../components/QueueCard.tsx';
import { UnitPicker } from '../components/UnitPicker.tsx';
import { reportsApi, useCityCode, useStaticGeo } from './api.ts';
import { RateCards } from './RateCards.tsx';
import { TrendChart } from './TrendChart.tsx';
import { MapPanel } from './MapPanel.tsx';
import { PlaceHotspotsTable, RankingTable, UnitRatesTable } from './Tables.tsx';
import { HotspotsPanel } from './HotspotsPanel.tsx';

export type Period = { from?: string; to?: string };

const TABS = ['units', 'ranking', 'overdue', 'supervised', 'places', 'hotspots'];

export function DashboardPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [unitId, setUnitId] = useState<string | undefined>();
  // the open tab is in the address (?tab=hotspots), so a link (the bell's case alert) can open it
  const [search, setSearch] = useSearchParams();
  const tabParam = search.get('tab');
  const period: Period = range ? { from: range[0].startOf('day').toISOString(), to: range[1].endOf('day').toISOString() } : {};
  const overall = useQuery({
    queryKey: ['reports', 'rates', 'overall', period, unitId],
    queryFn: () => reportsApi.rates({ ...period, unitId }),
    placeholderData: keepPreviousData,
  });
  const city = useCityCode();
  const geo = useStaticGeo(city.data);
  const isLeader = me?.role === 'leader';
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('dash.title')}
            {isLeader && me?.unitName ? ` · ${me.unitName}` : ''}
          </Typography.Title>
          <Space wrap>
            {!isLeader ? (
              <>
                <label htmlFor="dash-unit">{t('dash.unitFilter')}</label>
                <UnitPicker id="dash-unit" value={unitId} onChange={(v: string | undefined) => setUnitId(v)} style={{ width: 240 }} />
              </>
            ) : null}
            <label htmlFor="dash-range">{t('dash.period')}</label>
            <DatePicker.RangePicker id="dash-range" value={range} onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)} allowClear />
            <Typography.Text type="secondary">{range ? '' : t('dash.period.default')}</Typography.Text>
            <Button icon={<ReloadOutlined />} onClick={() => qc.invalidateQueries({ queryKey: ['reports'] })} data-testid="dash-refresh">
              {t('common.refresh')}
            </Button>
          </Space>
        </Space>
      </Card>
      {overall.error ? <Alert type="error" showIcon message={errorText(overall.error)} /> : null}
      <RateCards m={overall.data?.overall} loading={overall.isLoading} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={isLeader ? 24 : 12}>
          <TrendChart unitId={isLeader ? (me?.unitId ?? undefined) : unitId} />
        </Col>
        {city.data && !isLeader ? (
          <Col xs={24} xl={12}>
            <MapPanel code={city.data} geo={geo.data} period={period} height={300} />
          </Col>
        ) : null}
      </Row>
      <Card size="small">
        <Tabs
          activeKey={tabParam && (tabParam !== 'hotspots' || !isLeader) && TABS.includes(tabParam) ? tabParam : 'units'}
          onChange={(k) => setSearch((sp) => (sp.set('tab', k), sp), { replace: true })}
          items={[
            { key: 'units', label: t('dash.tab.units'), children: <UnitRatesTable period={period} /> },
            { key: 'ranking', label: t('dash.tab.ranking'), children: <RankingTable period={period} /> },
            { key: 'overdue', label: t('dash.tab.overdue'), children: <TicketList filter={{ overdue: 'true' }} /> },
            { key: 'supervised', label: t('dash.tab.supervised'), children: <TicketList filter={{ supervised: 'true' }} /> },
            { key: 'places', label: t('dash.tab.places'), children: <PlaceHotspotsTable period={period} /> },
            // hotspot clusters and proactive cases are the centre's (a unit leader sees its cases in the workbench)
            ...(isLeader ? [] : [{ key: 'hotspots', label: t('dash.tab.hotspots'), children: <HotspotsPanel period={period} /> }]),
          ]}
        />
      </Card>
    </Space>
  );
}
