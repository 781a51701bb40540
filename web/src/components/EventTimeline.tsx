// A ticket's whole history for staff: each event marked 公开 (citizen sees it) or 内部.
import { Tag, Timeline, Typography } from 'antd';
import type { TicketDetail } from '../contract.ts';
import { useI18n } from '../i18n/index.tsx';
import { attachmentUrl } from '../api/tickets.ts';
import { formatTime } from './time.ts';

type Ev = TicketDetail['events'][number];

export function EventTimeline({ events }: { events: Ev[] }) {
  const { t, label } = useI18n();
  const sorted = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <Timeline
      items={sorted.map((e) => ({
        color: e.public ? 'blue' : 'gray',
        children: (
          <div data-testid="event">
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
              <strong>{t(`action.${e.action}`)}</strong>
              <Tag color={e.public ? 'blue' : 'default'}>{e.public ? t('event.public') : t('event.internal')}</Tag>
              <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
            </div>
            <Typography.Text type="secondary">
              {[e.actorName, e.unitName, e.toStatus && e.toStatus !== e.fromStatus ? `→ ${label('status', e.toStatus)}` : null].filter(Boolean).join(' · ')}
            </Typography.Text>
            {e.note ? <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{e.note}</div> : null}
            {e.attachments.length ? (
              <div style={{ marginTop: 4, display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                {e.attachments.map((id, i) => (
                  <a key={id} href={attachmentUrl(id)} target="_blank" rel="noreferrer">
                    {t('field.attachments')} {i + 1}
                  </a>
                ))}
              </div>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
