// One ticket for the unit: everything about it, the whole timeline, and the allowed actions only.
// The replies to similar closed tickets sit beside the actions and inside the reply dialog: either
// starts the reply from one.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { useTicket } from '../components/TicketDrawer.tsx';
import { TicketActions } from '../components/TicketActions.tsx';
import { TicketHeader, TicketView } from '../components/TicketView.tsx';
import { EventTimeline } from '../components/EventTimeline.tsx';
import { ReplyHints, useReplySuggestions } from './ReplyHints.tsx';

export function TicketPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const errorText = useErrorText();
  const q = useTicket(id);
  const tk = q.data;
  // opened by its number (what staff know: /workbench/t/LX20261206000003): the address becomes the id's
  const nav = useNavigate();
  useEffect(() => {
    if (tk && tk.id !== id) nav(`/workbench/t/${tk.id}`, { replace: true });
  }, [tk, id, nav]);
  const canReply = !!tk?.allowedActions.includes('reply');
  const hints = useReplySuggestions(tk?.id ?? '', canReply && !!tk);
  const [preset, setPreset] = useState<{ action: string; values: Record<string, unknown>; seq: number } | undefined>();
  const startFrom = (text: string) => setPreset((p) => ({ action: 'reply', values: { text }, seq: (p?.seq ?? 0) + 1 }));
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
                {tk.allowedActions.length ? (
                  <TicketActions
                    ticket={tk}
                    preset={preset}
                    formExtra={(action, fill) => (action === 'reply' && hints.length ? <ReplyHints items={hints} compact onUse={(text) => fill({ text })} /> : null)}
                  />
                ) : <Typography.Text type="secondary">{t('workbench.noActions')}</Typography.Text>}
              </div>
            </Card>
            <ReplyHints items={hints} onUse={startFrom} />
          </Col>
        </Row>
      ) : null}
    </Space>
  );
}
