// For a handler: the replies given to the most similar closed tickets, with their outcome at the
// call back (resolved, satisfaction), to start the reply (答复) from. Each names its ticket: a link
// when the server says the user may open it (canOpen), plain text otherwise.
import { Button, Card, List, Space, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { ReplySuggestion, ReplySuggestionsResponse } from '../contract.ts';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatDate } from '../components/time.ts';

type Suggestion = z.infer<typeof ReplySuggestion>;
const SHOWN = 3;

export function useReplySuggestions(id: string, enabled: boolean) {
  const q = useQuery({
    queryKey: ['reply-suggestions', id],
    queryFn: () => api.get<z.infer<typeof ReplySuggestionsResponse>>('/api/v1/nlp/reply-suggestions', { ticketId: id }).catch(() => ({ items: [] })),
    enabled,
    staleTime: 10 * 60_000,
  });
  return enabled ? (q.data?.items ?? []).slice(0, SHOWN) : [];
}

function Outcome({ s }: { s: Suggestion }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap style={{ fontSize: 12 }}>
      {s.resolved === null ? <Tag>{t('workbench.noCallback')}</Tag> : <Tag color={s.resolved ? 'green' : 'red'}>{t(s.resolved ? 'act.yes' : 'act.no')}</Tag>}
      {s.satisfaction ? <Tag color={s.satisfaction === 'unsatisfied' ? 'red' : s.satisfaction === 'basic' ? 'gold' : 'green'}>{t(`sat.${s.satisfaction}`)}</Tag> : null}
      <Tooltip title={t('workbench.similarityHint')}><Tag color="blue">{t('workbench.similarity', { p: Math.round(s.similarity * 100) })}</Tag></Tooltip>
      {s.closedAt ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('workbench.closedOn', { date: formatDate(s.closedAt) })}</Typography.Text> : null}
    </Space>
  );
}

export interface ReplyHintsProps {
  items: Suggestion[];
  /** start the reply from this text (opens the reply form, or fills it when open) */
  onUse?: (text: string) => void;
  /** inside the reply dialog: no card, shorter texts */
  compact?: boolean;
}

export function ReplyHints({ items, onUse, compact }: ReplyHintsProps) {
  const { t } = useI18n();
  if (!items.length) return null;
  const list = (
    <List
      size="small"
      dataSource={items}
      data-testid="reply-hints"
      renderItem={(s) => (
        <List.Item data-testid="reply-hint" style={{ display: 'block' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'baseline' }}>
            {s.canOpen ? (
              <Link to={`/workbench/t/${s.ticketId}`} data-testid="reply-hint-number" style={{ fontFamily: 'ui-monospace, monospace' }}>{s.number}</Link>
            ) : (
              <Typography.Text data-testid="reply-hint-number" style={{ fontFamily: 'ui-monospace, monospace' }}>{s.number}</Typography.Text>
            )}
            {onUse ? (
              <Button size="small" icon={<EditOutlined />} onClick={() => onUse(s.replyText)} data-testid="reply-hint-use">{t('workbench.useReply')}</Button>
            ) : null}
          </div>
          <div style={{ fontSize: 13, fontWeight: 500, margin: '2px 0' }}>{s.title}</div>
          <Outcome s={s} />
          <Typography.Paragraph copyable ellipsis={{ rows: compact ? 2 : 3, expandable: true }} style={{ margin: '4px 0 0', fontSize: 12 }}>{s.replyText}</Typography.Paragraph>
        </List.Item>
      )}
    />
  );
  if (compact) {
    return (
      <div style={{ maxHeight: 320, overflowY: 'auto', borderTop: '1px solid #f0f0f0', marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('workbench.replyHints')}</Typography.Text>
        {list}
      </div>
    );
  }
  return <Card size="small" title={t('workbench.replyHints')} style={{ marginTop: 12 }}>{list}</Card>;
}
