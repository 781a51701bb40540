// Dashboard tables: rates per unit (paginated, rolled up), unit ranking, hotspots by place × category.
import { useState } from 'react';
import { Alert, Button, Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { download, toCsv } from './csv.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RateRow } from '../contract.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { pct, reportsApi, type RateKey } from './api.ts';
import { FormulaTip } from './RateCards.tsx';
import { useCategoryName } from '../components/category-name.ts';

function rateCol(k: RateKey, t: (k: string) => string) {
  return {
    key: k,
    title: <FormulaTip k={k}>{t(`dash.rate.${k}`)}</FormulaTip>,
    width: 130,
    render: (_: unknown, r: RateRow) => (
      <span title={`${r[k].num}/${r[k].den}`}>
        {pct(r[k].rate)} <Typography.Text type="secondary" style={{ fontSize: 12 }}>({r[k].num}/{r[k].den})</Typography.Text>
      </span>
    ),
  };
}

export function UnitRatesTable({ period }: { period: { from?: string; to?: string } }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [rollup, setRollup] = useState(true);
  const q = useQuery({
    queryKey: ['reports', 'rates', 'unit', period, page, pageSize, rollup],
    queryFn: () => reportsApi.rates({ ...period, groupBy: 'unit', page, pageSize, rollup }),
    placeholderData: keepPreviousData,
  });
  const [exporting, setExporting] = useState(false);
  // every unit of the period, all pages, as a spreadsheet (the formulas' numerators and denominators too)
  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows: RateRow[] = [];
      for (let p = 1; ; p++) {
        const r = await reportsApi.rates({ ...period, groupBy: 'unit', page: p, pageSize: 200, rollup });
        rows.push(...r.items);
        if (rows.length >= r.total || !r.items.length) break;
      }
      const rate = (m: RateRow['response']) => [m.rate === null ? '' : Math.round(m.rate * 10000) / 100, m.num, m.den];
      const head = [t('dash.unit'), t('dash.tickets'), ...(['response', 'resolution', 'satisfaction'] as const).flatMap((k) => [`${t(`dash.rate.${k}`)} %`, t('dash.csv.num'), t('dash.csv.den')]),
        `${t('dash.rate.dispatchAccuracy')} %`, t('dash.returnsMade'), t('dash.csv.returns'), t('dash.csv.redispatches'), t('dash.reopens'), t('dash.overdue')];
      const body = rows.map((r) => [r.name, r.tickets, ...rate(r.response), ...rate(r.resolution), ...rate(r.satisfaction),
        r.dispatchAccuracy.rate === null ? '' : Math.round(r.dispatchAccuracy.rate * 10000) / 100, r.returnsMade, r.returns, r.redispatches, r.reopens, r.overdue]);
      const span = `${period.from?.slice(0, 10) ?? t('dash.csv.last90')}_${period.to?.slice(0, 10) ?? ''}`.replace(/_$/, '');
      download(`rates-by-unit_${span}.csv`, toCsv([head, ...body]));
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Switch checked={rollup} onChange={(v) => (setRollup(v), setPage(1))} id="dash-rollup" />
        <label htmlFor="dash-rollup">{t('dash.rollup')}</label>
        <Button size="small" icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()} data-testid="rates-export">{t('dash.csv.export')}</Button>
      </Space>
      {/* why a unit's row need not add up to the cards above it */}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }} data-testid="unit-rates-basis">{t('dash.units.basis')}</Typography.Paragraph>
      {q.error ? <Alert type="error" showIcon message={errorText(q.error)} /> : null}
      <Table<RateRow>
        rowKey="key"
        size="small"
        loading={q.isFetching && !q.data}
        dataSource={q.data?.items ?? []}
        scroll={{ x: 950 }}
        data-testid="unit-rates"
        columns={[
          { key: 'name', title: t('dash.unit'), dataIndex: 'name', ellipsis: true },
          { key: 'tickets', title: t('dash.tickets'), dataIndex: 'tickets', width: 80 },
          rateCol('response', t), rateCol('resolution', t), rateCol('satisfaction', t),
          { key: 'acc', title: t('dash.rate.dispatchAccuracy'), width: 110, render: (_, r) => pct(r.dispatchAccuracy.rate) },
          { key: 'made', title: t('dash.returnsMade'), dataIndex: 'returnsMade', width: 90 },
          { key: 'bounce', title: t('dash.returnsCol'), width: 110, render: (_, r) => `${r.returns} / ${r.redispatches}` },
          { key: 'reopen', title: t('dash.reopens'), dataIndex: 'reopens', width: 96 }, // wide enough for 'Reopened' in one piece
          { key: 'overdue', title: t('dash.overdue'), dataIndex: 'overdue', width: 92 },
        ]}
        pagination={{
          current: page, pageSize, total: q.data?.total ?? 0, showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }), onChange: (p, s) => (setPage(p), setPageSize(s)),
        }}
      />
    </>
  );
}

export function RankingTable({ period }: { period: { from?: string; to?: string } }) {
  const { t } = useI18n();
  const [by, setBy] = useState<RateKey>('satisfaction');
  const q = useQuery({ queryKey: ['reports', 'ranking', period, by], queryFn: () => reportsApi.ranking({ ...period, by, limit: 50 }) });
  return (
    <>
      <Segmented<RateKey>
        style={{ marginBottom: 8 }}
        value={by}
        onChange={setBy}
        options={(['satisfaction', 'resolution', 'response'] as RateKey[]).map((k) => ({ value: k, label: t(`dash.rate.${k}`) }))}
      />
      <Table
        rowKey="key"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 10, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          { key: 'rank', title: t('dash.rank'), dataIndex: 'rank', width: 60, render: (v: number) => (v <= 3 ? <Tag color="gold">{v}</Tag> : v) },
          { key: 'name', title: t('dash.unit'), dataIndex: 'name' },
          rateCol(by, t),
          { key: 'tickets', title: t('dash.tickets'), dataIndex: 'tickets', width: 80 },
        ]}
      />
    </>
  );
}

export function PlaceHotspotsTable({ period, level = 4 }: { period: { from?: string; to?: string }; level?: number }) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const q = useQuery({ queryKey: ['reports', 'hotspots-by-place', period, level], queryFn: () => reportsApi.hotspotsByPlace({ ...period, level, limit: 100 }) });
  return (
    <Table
      rowKey={(r) => `${r.divisionCode}-${r.categoryCode}`}
      size="small"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      pagination={{ pageSize: 10, showTotal: (n) => t('common.total', { n }) }}
      columns={[
        { key: 'div', title: t('field.division'), dataIndex: 'divisionName' },
        { key: 'cat', title: t('field.category'), dataIndex: 'categoryName', render: (v: string | null, r) => categoryName(r.categoryCode, v) ?? t('dash.uncategorised') },
        { key: 'n', title: t('dash.tickets'), dataIndex: 'count', width: 90 },
      ]}
    />
  );
}
