// A signed-in citizen's own requests (我的诉求): each with its progress, the answer and the
// citizen-visible timeline, as tracking shows them (the server gives a citizen nothing more).
import { useState } from 'react';
import { Alert, Card, Empty, List, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ticketsApi } from '../api/tickets.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { StatusTag } from '../components/Tags.tsx';
import { formatTime } from '../components/time.ts';
import { useTicket } from '../components/TicketDrawer.tsx';
import { Progress } from './Progress.tsx';

function MineDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const q = useTicket(id);
  const tk = q.data;
  if (!tk) return null;
  return (
    <div data-testid="mine-detail">
      <Progress status={tk.status} actions={tk.events.map((e) => e.action)} />
      {tk.replyText ? <Alert type="success" message={t('citizen.track.reply')} description={<div style={{ whiteSpace: 'pre-wrap' }}>{tk.replyText}</div>} /> : null}
      <ul style={{ paddingLeft: 18, marginTop: 8 }}>
        {[...tk.events].reverse().map((e) => (
          <li key={e.seq}>
            <strong>{t(`action.${e.action}`)}</strong> <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
            {e.unitName ? <span> · {e.unitName}</span> : null}
            {e.note ? <div style={{ whiteSpace: 'pre-wrap', color: '#555' }}>{e.note}</div> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function MinePage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['tickets', 'mine', page], queryFn: () => ticketsApi.list({ page, pageSize: 10, sort: 'received_desc' }) });
  return (
    <Card title={t('citizen.mine.title')} data-testid="mine">
      {q.error ? <Alert type="error" showIcon message={errorText(q.error)} /> : null}
      <List
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('citizen.mine.empty')} /> }}
        pagination={q.data && q.data.total > 10 ? { current: page, pageSize: 10, total: q.data.total, onChange: setPage, size: 'small' } : false}
        renderItem={(it) => (
          <List.Item style={{ display: 'block', cursor: 'pointer' }} onClick={() => setOpen(open === it.id ? null : it.id)} data-testid="mine-item">
            <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
              <Typography.Text strong>{it.title}</Typography.Text>
              <StatusTag status={it.status} />
            </Space>
            <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{it.number} · {formatTime(it.receivedAt)}</Typography.Text></div>
            {open === it.id ? <MineDetail id={it.id} /> : null}
          </List.Item>
        )}
      />
    </Card>
  );
}
