// A ticket's whole history for staff: each event marked 公开 (citizen sees it) or 内部.
import { Tag, Timeline, Typography } from 'antd';
import { mergedInNote, type TicketDetail } from '../contract.ts';
import { useI18n } from '../i18n/index.tsx';
import { attachmentUrl } from '../api/tickets.ts';
import { formatTime } from './time.ts';
import { alertText } from './alertText.ts';

type Ev = TicketDetail['events'][number];
type T = ReturnType<typeof useI18n>['t'];

/** Events that send the ticket to a unit (others may name a unit for another reason: a case's lead). */
const ROUTING_ACTIONS = new Set(['dispatch', 'auto_dispatch', 'redispatch', 'pass_down']);

/** What the event did, in words: the unit it went to, the model's confidence, the master ticket. */
export function eventDetail(e: Ev, t: T): string | null {
  const d = e.data ?? {};
  const parts: string[] = [];
  const unit = typeof d.leadUnitName === 'string' ? d.leadUnitName : typeof d.toUnitName === 'string' ? d.toUnitName : null;
  if (unit && ROUTING_ACTIONS.has(e.action)) parts.push(t('event.toUnit', { unit }));
  if (e.action === 'auto_dispatch' && typeof d.confidence === 'number') parts.push(t('event.confidence', { p: `${Math.round(d.confidence * 100)}%` }));
  if (e.action === 'auto_dispatch' && typeof d.keyword === 'string') parts.push(t('event.keyword', { keyword: d.keyword }));
  if (e.action === 'auto_dispatch' && d.fallback === true) parts.push(t('event.fallback'));
  if (e.action === 'auto_dispatch' && d.unitModel === true) parts.push(t('event.unitModel'));
  // the basis given for a return (政策依据) or for passing a matter off the community whitelist
  if (typeof d.basis === 'string' && d.basis && d.basis !== 'reopen') parts.push(t('event.basis', { basis: d.basis }));
  if (typeof d.masterNumber === 'string' && !(e.note ?? '').includes(d.masterNumber)) parts.push(t('event.intoMaster', { number: d.masterNumber }));
  return parts.length ? parts.join(t('event.sep')) : null;
}

/** The event's note; an SLA alert's in the reader's language. */
function noteOf(e: Ev, number: string | undefined, locale: 'zh' | 'en', t: T): string | null {
  const d = e.data ?? {};
  // a 并案 note on the master (stored in Chinese): in the reader's language
  if (e.action === 'note' && typeof d.mergedNumber === 'string' && e.note === mergedInNote(d.mergedNumber)) return t('event.mergedIn', { number: d.mergedNumber });
  if (!e.note || typeof d.kind !== 'string' || (e.action !== 'remind' && e.action !== 'overdue')) return e.note;
  const deadline = typeof d.deadline === 'string' ? formatTime(d.deadline) : null;
  return alertText({ kind: d.kind, body: e.note, number: number ?? null, deadline }, locale, t);
}

export function EventTimeline({ events, number }: { events: Ev[]; number?: string }) {
  const { t, label, locale } = useI18n();
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
              {[e.actorRole === 'system' ? t('timeline.system') : e.actorName, e.unitName, e.toStatus && e.toStatus !== e.fromStatus ? `→ ${label('status', e.toStatus)}` : null].filter(Boolean).join(' · ')}
            </Typography.Text>
            {eventDetail(e, t) ? <div data-testid="event-detail" style={{ marginTop: 4 }}>{eventDetail(e, t)}</div> : null}
            {e.note ? <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{noteOf(e, number, locale, t)}</div> : null}
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
