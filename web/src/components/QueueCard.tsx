// A small work queue under a page's main work, shown only while it holds tickets: extension
// requests (延期申请) waiting for a decision (dispatcher queue; a unit leader's workbench) and
// replied tickets waiting for the citizen callback (回访, the agent console). Opening one offers
// just the actions that settle it.
import { useState } from 'react';
import { Card, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ticketsApi } from '../api/tickets.ts';
import { useI18n } from '../i18n/index.tsx';
import { TicketTable } from './TicketTable.tsx';
import { TicketDrawer } from './TicketDrawer.tsx';

export const EXTENSION_ACTIONS = ['extension_approve', 'extension_deny'];
export const CALLBACK_ACTIONS = ['callback', 'close'];

export interface QueueCardProps {
  queue: 'extensions' | 'callback';
  /** i18n keys: the title (with {n}) and a hint */
  titleKey: string;
  introKey: string;
  only: string[];
}

export function QueueCard({ queue, titleKey, introKey, only }: QueueCardProps) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [open, setOpen] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['tickets', queue, page, pageSize],
    queryFn: () => ticketsApi.list({ queue, page, pageSize, sort: 'deadline_asc' }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  if (!q.data?.total) return null; // nothing waiting: no empty card
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid={`queue-${queue}`}
      title={t(titleKey, { n: q.data.total })} extra={<Typography.Text type="secondary">{t(introKey)}</Typography.Text>}>
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
      <TicketDrawer id={open} onClose={() => setOpen(null)} only={only} onDone={() => setOpen(null)} />
    </Card>
  );
}
