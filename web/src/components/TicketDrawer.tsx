// Quick look at a ticket (with its allowed actions) without leaving the list.
import { Alert, Drawer, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ticketsApi } from '../api/tickets.ts';
import type { UnitRef } from '../api/refdata.ts';
import { useErrorText } from '../api/errors.ts';
import type { TicketDetail } from '../contract.ts';
import { TicketActions } from './TicketActions.tsx';
import { TicketView } from './TicketView.tsx';

export function useTicket(id: string | null | undefined) {
  return useQuery({ queryKey: ['ticket', id], queryFn: () => ticketsApi.get(id!), enabled: !!id });
}

export interface TicketDrawerProps {
  id: string | null;
  onClose: () => void;
  only?: string[];
  suggested?: UnitRef[];
  onDone?: (t: TicketDetail, action: string) => void;
  extra?: (t: TicketDetail) => ReactNode;
  width?: number;
}

/** Header room kept for the close button and the ticket number (16 characters), with the padding. */
const TITLE_ROOM = 300;

export function TicketDrawer({ id, onClose, only, suggested, onDone, extra, width = 760 }: TicketDrawerProps) {
  const q = useTicket(id);
  const errorText = useErrorText();
  return (
    <Drawer open={!!id} onClose={onClose} width={width} destroyOnHidden
      title={<span style={{ whiteSpace: 'nowrap' }}>{q.data?.number ?? ''}</span>}
      // the actions wrap onto a second line rather than cover the number (longer labels in English)
      extra={q.data ? <div style={{ maxWidth: Math.max(240, width - TITLE_ROOM) }}><TicketActions ticket={q.data} only={only} suggested={suggested} onDone={onDone} /></div> : null}>
      {q.isLoading ? <Skeleton active /> : null}
      {q.error ? <Alert type="error" showIcon message={errorText(q.error)} /> : null}
      {q.data ? (
        <>
          {extra?.(q.data)}
          <TicketView ticket={q.data} />
        </>
      ) : null}
    </Drawer>
  );
}
