// One ticket for the unit: everything about it, the whole timeline, and the allowed actions only.
import { Alert, Button, Card, Col, List, Row, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import type { z } from 'zod';
import type { ReplySuggestionsResponse } from '../contract.ts';
import { useTicket } from '../components/TicketDrawer.tsx';
import { TicketActions } from '../components/TicketActions.tsx';
import { TicketHeader, TicketView } from '../components/TicketView.tsx';
import { EventTimeline } from '../components/EventTimeline.tsx';

function ReplyHints({ id, enabled }: { id: string; enabled: boolean }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['reply-suggestions', id],
    queryFn: () => api.get<z.infer<typeof ReplySuggestionsResponse>>('/api/v1/nlp/reply-suggestions', { ticketId: id }).catch(() => ({ items: [] })),
    enabled,
    staleTime: 10 * 60_000,
  });
  const items = q.data?.items ?? [];
  if (!enabled || !items.length) return null;
  return (
    <Card size="small" title={t('workbench.replyHints')} style={{ marginTop: 12 }}>
      <List
        size="small"
        dataSource={items.slice(0, 3)}
        renderItem={(s) => (
          <List.Item>
            <List.Item.Meta
              title={<span style={{ fontSize: 13 }}>{s.title}</span>}
              description={<Typography.Paragraph copyable ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0, fontSize: 12 }}>{s.replyText}</Typography.Paragraph>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export function TicketPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const errorText = useErrorText();
  const q = useTicket(id);
  const tk = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Link to="/workbench"><Button icon={<ArrowLeftOutlined />}>{t('workbench.back')}</Button></Link>
      {q.isLoading ? <Skeleton active /> : null}
      {q.error ? <Alert type="error" showIcon message={errorText(q.error)} /> : null}
      {tk ? (
        <Row gutter={12}>
          <Col xs={24} xl={15}>
            <Card>
              <TicketView ticket={tk} showTimeline={false} />
            </Card>
            <Card size="small" title={t('ticket.timeline')} style={{ marginTop: 12 }}>
              <EventTimeline events={tk.events} number={tk.number} />
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <Card size="small" title={t('workbench.actions')} style={{ position: 'sticky', top: 12 }}>
              <TicketHeader ticket={tk} />
              <div style={{ marginTop: 12 }}>
                {tk.allowedActions.length ? <TicketActions ticket={tk} /> : <Typography.Text type="secondary">{t('workbench.noActions')}</Typography.Text>}
              </div>
            </Card>
            <ReplyHints id={tk.id} enabled={tk.allowedActions.includes('reply')} />
          </Col>
        </Row>
      ) : null}
    </Space>
  );
}
