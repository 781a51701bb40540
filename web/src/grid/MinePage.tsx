// The grid worker's own reports (the API shows grid workers the tickets they created).
import { useState } from 'react';
import { Alert, Card, List, Pagination, Space, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ticketsApi } from '../api/tickets.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { StatusTag } from '../components/Tags.tsx';
import { formatTime } from '../components/time.ts';
import { TicketDrawer } from '../components/TicketDrawer.tsx';

export function MinePage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['tickets', 'grid', page],
    queryFn: () => ticketsApi.list({ page, pageSize: 10, sort: 'received_desc' }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card size="small" styles={{ body: { padding: 8 } }} title={t('grid.mine.title', { n: q.data?.total ?? 0 })}>
      {q.error ? <Alert type="error" showIcon message={errorText(q.error)} /> : null}
      <List
        loading={q.isFetching && !q.data}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('grid.mine.empty') }}
        data-testid="grid-mine"
        renderItem={(r) => (
          <List.Item onClick={() => setOpen(r.id)} style={{ cursor: 'pointer', minHeight: 56 }} extra={<StatusTag status={r.status} />}>
            <List.Item.Meta
              title={<Typography.Text ellipsis style={{ maxWidth: 240 }}>{r.title}</Typography.Text>}
              description={
                <Space size={4} wrap style={{ fontSize: 12 }}>
                  <span>{r.number}</span>
                  <span>{formatTime(r.receivedAt)}</span>
                  {r.divisionName ? <span>{r.divisionName}</span> : null}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {(q.data?.total ?? 0) > 10 ? (
        <Pagination simple current={page} pageSize={10} total={q.data?.total ?? 0} onChange={setPage} style={{ textAlign: 'center', marginTop: 8 }} />
      ) : null}
      <TicketDrawer id={open} onClose={() => setOpen(null)} width={Math.min(760, typeof window === 'undefined' ? 760 : window.innerWidth)} />
    </Card>
  );
}
