// The staff header's bell: what the SLA sweep told this user's unit (催办, 超期) or the centre
// (派单超期, 回访任务). Unread count as a badge, refreshed every minute; a click on one opens
// its ticket and marks it read.
import { Suspense, lazy, useState } from 'react';
import { Badge, Button, List, Popover, Segmented, Space, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { useMe } from '../api/auth.ts';
import type { Notification } from '../contract.ts';
import type { Paged } from '../api/tickets.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatTime } from '../components/time.ts';
import { alertKindLabel, alertText } from '../components/alertText.ts';

const TicketDrawer = lazy(() => import('../components/TicketDrawer.tsx').then((m) => ({ default: m.TicketDrawer })));

const PAGE_SIZE = 8;
const UNIT_ROLES = new Set(['handler', 'leader']);
const KEY = ['notifications'] as const;

const isOverdue = (kind: string) => kind.startsWith('overdue');
const tagColor = (kind: string) => (isOverdue(kind) ? 'red' : kind === 'callback_task' ? 'blue' : 'orange');

export function NotificationBell() {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const nav = useNavigate();
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(true);
  const [page, setPage] = useState(1);
  const [ticketId, setTicketId] = useState<string | null>(null);
  const unread = useQuery({
    queryKey: [...KEY, 'count'],
    queryFn: () => api.get<Paged<Notification>>('/api/v1/notifications', { unread: 'true', pageSize: 1 }),
    refetchInterval: 60_000,
  });
  const list = useQuery({
    queryKey: [...KEY, 'list', unreadOnly, page],
    queryFn: () => api.get<Paged<Notification>>('/api/v1/notifications', { unread: unreadOnly ? 'true' : undefined, page, pageSize: PAGE_SIZE }),
    enabled: open,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: KEY });
  const readOne = useMutation({ mutationFn: (id: number) => api.post(`/api/v1/notifications/${id}/read`), onSettled: refresh });
  const readAll = useMutation({ mutationFn: () => api.post('/api/v1/notifications/read-all'), onSettled: refresh });
  const count = unread.data?.total ?? 0;

  const text = (n: Notification) => alertText({ kind: n.kind, body: n.body, number: n.ticketNumber ?? n.caseTitle }, locale, t);
  const kindLabel = (kind: string) => alertKindLabel(kind, t);

  const openOne = (n: Notification) => {
    if (!n.readAt) readOne.mutate(n.id);
    if (n.ticketId) setTicketId(n.ticketId);
    // a case alert: the lead unit keeps its cases in the workbench, the centre in the dashboard's hotspots
    else if (n.caseId) nav(me && UNIT_ROLES.has(me.role) ? '/workbench' : '/dashboard?tab=hotspots');
    setOpen(false);
  };

  const content = (
    <div style={{ width: 380, maxWidth: 'calc(100vw - 32px)' }} data-testid="notifications">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Segmented
          size="small"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'unread', label: t('notif.unread') },
            { value: 'all', label: t('notif.all') },
          ]}
        />
        <Button size="small" type="link" disabled={count === 0} loading={readAll.isPending} onClick={() => readAll.mutate()}>
          {t('notif.readAll')}
        </Button>
      </Space>
      <List<Notification>
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: unreadOnly ? t('notif.noneUnread') : t('notif.none') }}
        pagination={
          (list.data?.total ?? 0) > PAGE_SIZE
            ? { size: 'small', current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, align: 'center' }
            : false
        }
        renderItem={(n) => (
          <List.Item
            style={{ cursor: n.ticketId || n.caseId ? 'pointer' : undefined, opacity: n.readAt ? 0.6 : 1, alignItems: 'flex-start' }}
            onClick={() => openOne(n)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') openOne(n);
            }}
            tabIndex={0}
            role="button"
          >
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space size={4} wrap>
                <Tag color={tagColor(n.kind)} style={{ marginInlineEnd: 0 }}>{kindLabel(n.kind)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(n.createdAt)}</Typography.Text>
                {n.unitName ? <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>{n.unitName}</Typography.Text> : null}
              </Space>
              <Typography.Text strong={!n.readAt}>{text(n)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );

  return (
    <>
      <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content} title={t('notif.title')}>
        <Badge count={count} size="small" overflowCount={99} offset={[-4, 4]}>
          <Button type="text" icon={<BellOutlined />} style={{ color: '#fff' }} aria-label={t('notif.aria', { count })} data-testid="notification-bell" />
        </Badge>
      </Popover>
      {ticketId ? (
        <Suspense fallback={null}>
          <TicketDrawer id={ticketId} onClose={() => setTicketId(null)} onDone={refresh} />
        </Suspense>
      ) : null}
    </>
  );
}
