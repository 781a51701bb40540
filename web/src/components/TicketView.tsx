// A ticket as staff see it: facts, contact only when the policy shows it, attachments, reply,
// and the whole timeline with 公开/内部 marks.
import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { currentStage, type Status, type TicketDetail } from '../contract.ts';
import { attachmentUrl } from '../api/tickets.ts';
import { useI18n } from '../i18n/index.tsx';
import { EventTimeline } from './EventTimeline.tsx';
import { LightBadge, StatusTag, UrgencyTag } from './Tags.tsx';
import { formatTime } from './time.ts';
import { useCategoryName } from './category-name.ts';

export function TicketHeader({ ticket: tk }: { ticket: TicketDetail }) {
  const { t, label } = useI18n();
  return (
    <Space wrap size={[8, 4]} align="center">
      <Typography.Text strong copyable style={{ fontFamily: 'ui-monospace, monospace', fontSize: 16 }} data-testid="detail-number">
        {tk.number}
      </Typography.Text>
      <StatusTag status={tk.status} />
      <UrgencyTag urgency={tk.urgency} />
      <Tag>{label('requestType', tk.type)}</Tag>
      <Tag>{label('channel', tk.channel)}</Tag>
      {tk.superviseLevel ? <Tag color="red">{t(tk.superviseLevel >= 2 ? 'ticket.supervised2' : 'ticket.supervised')}</Tag> : null}
      {tk.returnCount ? <Tag color="orange">{t('ticket.returns', { n: tk.returnCount })}</Tag> : null}
      {tk.reopenCount ? <Tag color="volcano">{t('ticket.reopens', { n: tk.reopenCount })}</Tag> : null}
      {tk.autoDispatched ? <Tag color="geekblue">{t('ticket.auto', { p: tk.autoConfidence != null ? `${Math.round(tk.autoConfidence * 100)}%` : '—' })}</Tag> : null}
      <LightBadge light={tk.light} deadline={tk.deadline} />
    </Space>
  );
}

const stageOf = (status: Status) => currentStage(status) ?? 'none';

export function TicketView({ ticket: tk, showTimeline = true }: { ticket: TicketDetail; showTimeline?: boolean }) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <TicketHeader ticket={tk} />
      <Typography.Title level={4} style={{ margin: 0 }}>{tk.title}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12, borderRadius: 6, margin: 0 }}>{tk.content}</Typography.Paragraph>
      {tk.pendingExtension ? (
        <Alert type="warning" showIcon message={t('ticket.pendingExtension', { days: tk.pendingExtension.days, reason: tk.pendingExtension.reason })} />
      ) : null}
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('field.category')}>{categoryName(tk.categoryCode, tk.categoryName) ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.division')}>{tk.divisionName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.address')}>
          {tk.address ?? '—'}
          {tk.lat != null && tk.lng != null ? <Typography.Text type="secondary"> ({tk.lat}, {tk.lng})</Typography.Text> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.unit')}>{tk.leadUnitName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.coUnits')}>{tk.coUnits.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.receivedAt')}>{formatTime(tk.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={t(`field.deadline.${stageOf(tk.status)}`)}>{formatTime(tk.deadline) || '—'}</Descriptions.Item>
        {/* before signing, the unit also needs to know when the answer is due */}
        {stageOf(tk.status) === 'sign' && tk.deadlines.reply ? (
          <Descriptions.Item label={t('field.deadline.reply')}>{formatTime(tk.deadlines.reply)}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('ticket.contact')} span={2}>
          {tk.contactVisible ? (
            <span data-testid="contact">
              {[tk.anonymous ? t('ticket.anonymous') : tk.contactName, tk.contactPhone, tk.contactIdNumber].filter(Boolean).join(' · ')}
              {tk.confidential ? <Tag color="red" style={{ marginLeft: 8 }}>{t('ticket.confidential')}</Tag> : null}
            </span>
          ) : (
            <Typography.Text type="secondary">
              {tk.contactPhone ? `${tk.contactPhone} · ` : ''}
              {t('ticket.contactHidden')}
            </Typography.Text>
          )}
        </Descriptions.Item>
        {tk.outOfScopeRule ? <Descriptions.Item label={t('ticket.outOfScope')}>{tk.outOfScopeRule}</Descriptions.Item> : null}
        {tk.satisfaction ? (
          <Descriptions.Item label={t('ticket.result')}>
            {tk.resolved === null ? '' : tk.resolved ? t('act.yes') : t('act.no')} · {t(`sat.${tk.satisfaction}`)}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {tk.attachments.length ? (
        <Space wrap>
          {tk.attachments.map((a) =>
            a.mime.startsWith('image/') ? (
              <a key={a.id} href={attachmentUrl(a.id)} target="_blank" rel="noreferrer">
                <img src={attachmentUrl(a.id)} alt={a.name} style={{ width: 96, height: 96, objectFit: 'cover', borderRadius: 4, border: '1px solid #eee' }} />
              </a>
            ) : (
              <a key={a.id} href={attachmentUrl(a.id)} target="_blank" rel="noreferrer">{a.name}</a>
            ),
          )}
        </Space>
      ) : null}
      {tk.replyText ? <Alert type="success" message={t('ticket.replyText')} description={<div style={{ whiteSpace: 'pre-wrap' }}>{tk.replyText}</div>} /> : null}
      {showTimeline ? (
        <Card size="small" title={t('ticket.timeline')}>
          <EventTimeline events={tk.events} number={tk.number} />
        </Card>
      ) : null}
    </Space>
  );
}
