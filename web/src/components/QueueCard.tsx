// A list of tickets with its drawer (the dashboard's overdue and 督办 tabs), and the small work
// queues built on it, shown under a page's main work only while they hold tickets: extension
// requests (延期申请) waiting for a decision (dispatcher queue; a unit leader's workbench) and
// replied tickets waiting for the citizen callback (回访, the agent console). A queue's ticket
// opens with just the actions that settle it.
import { useState, type ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ticketsApi, type TicketQuery } from '../api/tickets.ts';
import { useI18n } from '../i18n/index.tsx';
import { TicketTable } from './TicketTable.tsx';
import { TicketDrawer } from './TicketDrawer.tsx';

export const EXTENSION_ACTIONS = ['extension_approve', 'extension_deny'];
export const CALLBACK_ACTIONS = ['callback', 'close'];

export interface TicketListProps {
  /** what to list; always soonest deadline first */
  filter: Omit<TicketQuery, 'page' | 'pageSize' | 'sort'>;
  /** offer only these actions, and close the drawer once one is taken */
  only?: string[];
  refetchMs?: number;
  /** frames the list once the first page is in (given the total) */
  frame?: (total: number, list: ReactNode) => ReactNode;
}

export function TicketList({ filter, only, refetchMs, frame }: TicketListProps) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [open, setOpen] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['tickets', 'list', filter, page, pageSize],
    queryFn: () => ticketsApi.list({ ...filter, page, pageSize, sort: 'deadline_asc' }),
    placeholderData: keepPreviousData,
    refetchInterval: refetchMs,
  });
  const list = (
    <>
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
      <TicketDrawer id={open} onClose={() => setOpen(null)} only={only} onDone={only ? () => setOpen(null) : undefined} />
    </>
  );
  return frame ? <>{frame(q.data?.total ?? 0, list)}</> : list;
}

export interface QueueCardProps {
  queue: 'extensions' | 'callback';
  /** i18n keys: the title (with {n}) and a hint */
  titleKey: string;
  introKey: string;
  only: string[];
}

export function QueueCard({ queue, titleKey, introKey, only }: QueueCardProps) {
  const { t } = useI18n();
  return (
    <TicketList
      filter={{ queue }}
      only={only}
      refetchMs={60_000}
      frame={(total, list) =>
        total ? ( // nothing waiting: no empty card
          <Card size="small" style={{ marginTop: 16 }} data-testid={`queue-${queue}`}
            title={t(titleKey, { n: total })} extra={<Typography.Text type="secondary">{t(introKey)}</Typography.Text>}>
            {list}
          </Card>
        ) : null
      }
    />
  );
}
