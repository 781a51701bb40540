// Extension requests (延期申请) waiting for a decision, for whoever may decide them: the centre
// (dispatcher queue) and a unit's leader (workbench). Opening one shows approve / deny.
import { useState } from 'react';
import { Card, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ticketsApi } from '../api/tickets.ts';
import { useI18n } from '../i18n/index.tsx';
import { TicketTable } from './TicketTable.tsx';
import { TicketDrawer } from './TicketDrawer.tsx';

export function ExtensionRequests() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [open, setOpen] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['tickets', 'extensions', page, pageSize],
    queryFn: () => ticketsApi.list({ queue: 'extensions', page, pageSize, sort: 'deadline_asc' }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  if (!q.data?.total) return null; // nothing waiting: no empty card
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="extension-requests"
      title={t('ext.title', { n: q.data.total })} extra={<Typography.Text type="secondary">{t('ext.intro')}</Typography.Text>}>
      <TicketTable
        data={q.data}
        loading={q.isFetching && !q.data}
        page={page}
        pageSize={pageSize}
        size="small"
        onPage={(p, s) => (setPage(p), setPageSize(s))}
        onOpen={(r) => setOpen(r.id)}
        columns={['light', 'number', 'title', 'status', 'unit', 'division', 'received']}
      />
      <TicketDrawer id={open} onClose={() => setOpen(null)} only={['extension_approve', 'extension_deny']} onDone={() => setOpen(null)} />
    </Card>
  );
}
