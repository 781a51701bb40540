// Dashboard tables: rates per unit (paginated, rolled up), unit ranking, hotspots by place × category.
import { useState } from 'react';
import { Alert, Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RateRow } from '../contract.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { pct, reportsApi, type RateKey } from './api.ts';
import { FormulaTip } from './RateCards.tsx';

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
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Switch checked={rollup} onChange={(v) => (setRollup(v), setPage(1))} id="dash-rollup" />
        <label htmlFor="dash-rollup">{t('dash.rollup')}</label>
      </Space>
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
        { key: 'cat', title: t('field.category'), dataIndex: 'categoryName', render: (v: string | null) => v ?? t('dash.uncategorised') },
        { key: 'n', title: t('dash.tickets'), dataIndex: 'count', width: 90 },
      ]}
    />
  );
}
