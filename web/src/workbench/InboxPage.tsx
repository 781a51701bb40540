// The unit's inbox: what it must act on, most urgent first, with green/yellow/red lights.
import { useState } from 'react';
import { Alert, Card, Segmented, Space, Statistic } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ticketsApi } from '../api/tickets.ts';
import { useMe } from '../api/auth.ts';
import { EXTENSION_ACTIONS, QueueCard } from '../components/QueueCard.tsx';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { TicketTable } from '../components/TicketTable.tsx';
import { TicketFilters, type Filters } from '../components/TicketFilters.tsx';
import { CasesTable } from '../dashboard/CasesTable.tsx';

type Sort = 'deadline_asc' | 'urgency' | 'received_desc';

export function InboxPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const nav = useNavigate();
  const { data: me } = useMe();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<Sort>('deadline_asc');
  const [filters, setFilters] = useState<Filters>({});
  const list = useQuery({
    queryKey: ['tickets', 'inbox', page, pageSize, sort, filters],
    queryFn: () => ticketsApi.list({ queue: 'inbox', sort, page, pageSize, q: filters.q, status: filters.status, categoryCode: filters.categoryCode, overdue: filters.overdue ? 'true' : undefined }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const items = list.data?.items ?? [];
  const count = (l: string) => items.filter((i) => i.light === l).length;
  return (
    <>
    <Card
      title={`${t('workbench.inbox')}${me?.unitName ? ` · ${me.unitName}` : ''}`}
      extra={
        <Segmented<Sort>
          value={sort}
          onChange={(s) => (setSort(s), setPage(1))}
          options={[
            { value: 'deadline_asc', label: t('workbench.sort.deadline') },
            { value: 'urgency', label: t('workbench.sort.urgency') },
            { value: 'received_desc', label: t('workbench.sort.newest') },
          ]}
        />
      }
    >
      <Space size={32} style={{ marginBottom: 12, display: 'flex' }}>
        <Statistic title={t('workbench.total')} value={list.data?.total ?? 0} />
        <Statistic title={t('light.red')} value={count('red')} valueStyle={{ color: '#cf1322' }} />
        <Statistic title={t('light.yellow')} value={count('yellow')} valueStyle={{ color: '#d48806' }} />
        <Statistic title={t('light.green')} value={count('green')} valueStyle={{ color: '#389e0d' }} />
      </Space>
      <TicketFilters value={filters} onChange={(f) => (setFilters(f), setPage(1))} statuses={['dispatched', 'signed', 'handling', 'replied']} onRefresh={() => list.refetch()} />
      {list.error ? <Alert type="error" showIcon message={errorText(list.error)} style={{ marginBottom: 12 }} /> : null}
      <TicketTable
        data={list.data}
        loading={list.isFetching && !list.data}
        page={page}
        pageSize={pageSize}
        onPage={(p, s) => (setPage(p), setPageSize(s))}
        onOpen={(r) => nav(`/workbench/t/${r.id}`)}
        columns={['light', 'number', 'title', 'status', 'urgency', 'category', 'division', 'received']}
      />
    </Card>
    {me?.role === 'leader' ? <QueueCard queue="extensions" titleKey="ext.title" introKey="ext.intro" only={EXTENSION_ACTIONS} /> : null}
    <CasesTable canClose={false} cardTitle={t('dash.cases.ledByUnit')} />
    </>
  );
}
