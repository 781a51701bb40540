// 并案 in one click: the open tickets that tell the same matter in a related place (found by the
// server with the same test as intake), each with the button that merges this ticket into it.
import { Alert, App, Button, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RowSuggestion } from './SuggestCell.tsx';
import { ticketsApi } from '../api/tickets.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';

export function DuplicateMerge({ ticketId, number, duplicates, onMerged }: {
  ticketId: string; number: string; duplicates: RowSuggestion['duplicates']; onMerged: () => void;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const merge = useMutation({
    mutationFn: (masterId: string) => ticketsApi.transition(ticketId, { action: 'merge', masterId }),
    onSuccess: (_d, masterId) => {
      message.success(t('dispatch.merged', { number, master: duplicates.find((d) => d.id === masterId)?.number ?? '' }));
      qc.invalidateQueries({ queryKey: ['tickets'] });
      qc.invalidateQueries({ queryKey: ['ticket', ticketId] });
      onMerged();
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (!duplicates.length) return null;
  const ask = (d: RowSuggestion['duplicates'][number]) =>
    modal.confirm({ title: t('dispatch.mergeConfirm', { number, master: d.number }), onOk: () => merge.mutateAsync(d.id) });
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
              <Button size="small" onClick={() => ask(d)} loading={merge.isPending && merge.variables === d.id} data-testid="merge-into">
                {t('dispatch.mergeInto')}
              </Button>
            </div>
          ))}
        </Space>
      }
    />
  );
}
