// 一村一档: a division's profile — its tickets, rates, categories, places below it, key sites,
// a map of its parts when boundaries exist, and its recent tickets.
import { useMemo, useState } from 'react';
import { Alert, Breadcrumb, Card, Col, Empty, List, Row, Segmented, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useMe } from '../api/auth.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { useCategoryName } from '../components/category-name.ts';
import { StatusTag } from '../components/Tags.tsx';
import { formatTime } from '../components/time.ts';
import { TicketDrawer } from '../components/TicketDrawer.tsx';
import { reportsApi, useStaticGeo } from './api.ts';
import { RateCards } from './RateCards.tsx';
import { MapPanel } from './MapPanel.tsx';
import { EChart } from './EChart.tsx';
import { GeoUpload } from './GeoUpload.tsx';
import { TrendChart } from './TrendChart.tsx';
import { KeySitesEditor } from './KeySitesEditor.tsx';

export function ProfilePage() {
  const { code = '' } = useParams();
  const { t, label } = useI18n();
  const categoryName = useCategoryName();
  const errorText = useErrorText();
  const { data: me } = useMe();
  const [open, setOpen] = useState<string | null>(null);
  // the dashboard's period (the last 90 days) unless the reader asks for the year: the same place
  // shows the same numbers on the dashboard's map and here
  const [days, setDays] = useState<90 | 365>(90);
  const p = useQuery({
    queryKey: ['reports', 'profile', code, days],
    queryFn: () => reportsApi.profile(code, { from: new Date(Date.now() - days * 86_400_000).toISOString() }),
    placeholderData: (prev) => prev,
  });
  const uploaded = useQuery({ queryKey: ['geo', 'division', code], queryFn: () => reportsApi.divisionGeojson(code), retry: false });
  const shipped = useStaticGeo(code);
  const childGeo = useMemo(() => {
    const own = Number(p.data?.level ?? 0);
    const feats = (uploaded.data?.features ?? []).filter((f) => Number(f.properties?.level ?? 0) > own);
    if (feats.length) return { type: 'FeatureCollection' as const, features: feats };
    return shipped.data ?? null;
  }, [uploaded.data, shipped.data, p.data?.level]);
  const catOption = useMemo(() => {
    const cats = [...(p.data?.topCategories ?? [])].reverse();
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 100, right: 16, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: cats.map((c) => categoryName(c.code, c.name) ?? t('dash.uncategorised')) },
      series: [{ type: 'bar', data: cats.map((c) => c.count), itemStyle: { color: '#c8102e' } }],
    };
  }, [p.data, t, categoryName]);
  if (p.isLoading) return <Skeleton active />;
  if (p.error || !p.data) return <Alert type="error" showIcon message={errorText(p.error)} />;
  const d = p.data;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Breadcrumb
          items={[
            { title: <Link to="/dashboard">{t('dash.title')}</Link> },
            ...d.ancestors.filter((a) => a.level >= 2).map((a) => ({ title: <Link to={`/dashboard/division/${a.code}`}>{a.name}</Link> })),
            { title: d.name },
          ]}
        />
        <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="profile-title">
            {t('dash.profile.title', { name: d.name })}
          </Typography.Title>
          <Space wrap>
            <Typography.Text type="secondary">{t('dash.profile.period', { from: formatTime(d.from).slice(0, 10), to: formatTime(d.to).slice(0, 10) })}</Typography.Text>
            <Segmented size="small" value={days} onChange={(v) => setDays(v as 90 | 365)} data-testid="profile-period"
              options={[{ value: 90, label: t('dash.profile.last90') }, { value: 365, label: t('dash.profile.last12m') }]} />
            {me?.role === 'admin' ? <GeoUpload code={d.code} children={d.children} /> : null}
          </Space>
        </Space>
        <Space wrap style={{ marginTop: 8 }}>
          {d.byStatus.map((s) => (
            <Tag key={s.status}>
              {label('status', s.status)} {s.count}
            </Tag>
          ))}
          {!d.byStatus.length ? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text> : null}
        </Space>
      </Card>
      <RateCards m={d.metrics} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          {childGeo ? (
            <MapPanel code={d.code} geo={childGeo} period={{ from: d.from, to: d.to }} title={t('dash.profile.map')} height={320} />
          ) : (
            <Card size="small" title={t('dash.profile.map')}>
              <Empty description={t('dash.map.none')} />
            </Card>
          )}
        </Col>
        <Col xs={24} xl={12}>
          <TrendChart divisionCode={d.code} />
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dash.profile.categories')}>
            {d.topCategories.length ? <EChart option={catOption} height={240} ariaLabel={t('dash.profile.categories')} /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dash.profile.children')}>
            <Table
              rowKey="code"
              size="small"
              dataSource={d.children}
              pagination={{ pageSize: 8 }}
              columns={[
                { key: 'name', title: t('field.division'), render: (_, c) => <Link to={`/dashboard/division/${c.code}`}>{c.name}</Link> },
                { key: 'total', title: t('dash.tickets'), dataIndex: 'total', width: 90 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dash.profile.keySites')} extra={me?.role === 'admin' ? <KeySitesEditor code={d.code} sites={d.keySites} /> : null}>
            <List
              size="small"
              dataSource={d.keySites}
              locale={{ emptyText: t('dash.profile.noKeySites') }}
              renderItem={(s) => (
                <List.Item>
                  <Space>
                    <b>{s.name}</b>
                    {s.kind ? <Tag>{s.kind}</Tag> : null}
                    <Typography.Text type="secondary">{s.note}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dash.profile.recent')}>
            <List
              size="small"
              dataSource={d.recent}
              locale={{ emptyText: t('common.empty') }}
              renderItem={(r) => (
                <List.Item extra={<StatusTag status={r.status} />}>
                  <List.Item.Meta
                    title={<Typography.Link onClick={() => setOpen(r.id)}>{r.number} {r.title}</Typography.Link>}
                    description={[formatTime(r.receivedAt), categoryName(r.categoryCode, r.categoryName), r.leadUnitName].filter(Boolean).join(' · ')}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <TicketDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
