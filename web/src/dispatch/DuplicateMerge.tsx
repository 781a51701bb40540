// 并案 in one click: the open tickets that tell the same matter in a related place (found by the
// server with the same test as intake), each with the button that merges one into the other. The
// master is the ticket further along (already with a unit), else the older one: the first
// reporter's ticket keeps its place, and a ticket a unit is working on is not taken from it.
import { Alert, App, Button, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RowSuggestion } from './SuggestCell.tsx';
import { ticketsApi } from '../api/tickets.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';

type Dup = RowSuggestion['duplicates'][number];
const withUnit = (status: string) => ['dispatched', 'signed', 'handling'].includes(status);

/** Is the duplicate the master (this ticket merges into it), or does it merge into this one? */
export function dupIsMaster(self: { status: string; receivedAt: string }, d: Dup): boolean {
  if (withUnit(d.status) !== withUnit(self.status)) return withUnit(d.status);
  return new Date(d.receivedAt).getTime() <= new Date(self.receivedAt).getTime();
}

export function DuplicateMerge({ ticket, duplicates, onMerged }: {
  ticket: { id: string; number: string; status: string; receivedAt: string }; duplicates: RowSuggestion['duplicates'];
  /** `closed`: this ticket was merged away (the drawer has nothing left to do) */
  onMerged: (closed: boolean) => void;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const merge = useMutation({
    mutationFn: ({ from, into }: { from: string; into: string; d: Dup }) => ticketsApi.transition(from, { action: 'merge', masterId: into }),
    onSuccess: (_r, { from, d }) => {
      const away = from === ticket.id;
      message.success(t('dispatch.merged', away ? { number: ticket.number, master: d.number } : { number: d.number, master: ticket.number }));
      qc.invalidateQueries({ queryKey: ['tickets'] });
      qc.invalidateQueries({ queryKey: ['ticket', ticket.id] });
      qc.invalidateQueries({ queryKey: ['dispatch-suggestions'] });
      onMerged(away);
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (!duplicates.length) return null;
  const ask = (d: Dup) => {
    const into = dupIsMaster(ticket, d);
    modal.confirm({
      title: t('dispatch.mergeConfirm', into ? { number: ticket.number, master: d.number } : { number: d.number, master: ticket.number }),
      onOk: () => merge.mutateAsync(into ? { from: ticket.id, into: d.id, d } : { from: d.id, into: ticket.id, d }),
    });
  };
  return (
    <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="drawer-duplicates"
      message={t('dispatch.duplicates', { n: duplicates.length })}
      description={
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          {duplicates.map((d) => (
            <div key={d.id} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
              <Typography.Text style={{ flex: 1, minWidth: 0 }} ellipsis={{ tooltip: d.title }}>
                <Typography.Text code>{d.number}</Typography.Text> {d.title} · {t('dispatch.similarity', { p: Math.round(d.similarity * 100) })}
              </Typography.Text>
              {dupIsMaster(ticket, d) ? (
                <Button size="small" onClick={() => ask(d)} loading={merge.isPending && merge.variables?.d.id === d.id} data-testid="merge-into">
                  {t('dispatch.mergeInto')}
                </Button>
              ) : (
                <Button size="small" onClick={() => ask(d)} loading={merge.isPending && merge.variables?.d.id === d.id} data-testid="merge-here">
                  {t('dispatch.mergeHere')}
                </Button>
              )}
            </div>
          ))}
        </Space>
      }
    />
  );
}
