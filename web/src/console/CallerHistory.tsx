// The caller's past tickets, shown as soon as the phone number is typed (repeat callers are common).
import { Alert, Badge, Card, Empty, List, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ticketsApi } from '../api/tickets.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { useCategoryName } from '../components/category-name.ts';
import { StatusTag } from '../components/Tags.tsx';
import { formatTime } from '../components/time.ts';
import { useDebounced } from './useAnalyze.ts';

export function CallerHistory({ phone, onOpen }: { phone: string; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const errorText = useErrorText();
  const typed = useDebounced(phone.trim(), 250);
  const digits = typed.replace(/[^0-9]/g, '');
  const q = useQuery({
    queryKey: ['tickets', 'phone', typed],
    queryFn: () => ticketsApi.list({ phone: typed, pageSize: 10, sort: 'received_desc' }),
    enabled: digits.length >= 7,
  });
  const open = (q.data?.items ?? []).filter((x) => !['closed', 'merged'].includes(x.status)).length;
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('console.history')}
          {q.data ? <Badge count={q.data.total} showZero color={q.data.total ? '#c8102e' : '#bbb'} /> : null}
        </Space>
      }
      data-testid="caller-history"
    >
      {digits.length < 7 ? <Typography.Text type="secondary">{t('console.historyHint')}</Typography.Text> : null}
      {q.error ? <Alert type="error" showIcon message={errorText(q.error)} /> : null}
      {q.data && q.data.total > 0 ? (
        <Alert type={open ? 'warning' : 'info'} showIcon style={{ marginBottom: 8 }}
          message={t('console.repeatCaller', { n: q.data.total, open })} data-testid="repeat-caller" />
      ) : null}
      {q.data ? (
        <List
          size="small"
          dataSource={q.data.items}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('console.noHistory')} /> }}
          renderItem={(x) => (
            <List.Item style={{ cursor: 'pointer', display: 'block' }} onClick={() => onOpen(x.id)} data-testid="history-item">
              <Space size={4} wrap>
                <StatusTag status={x.status} />
                <Typography.Text style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}>{x.number}</Typography.Text>
              </Space>
              <div>{x.title}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[formatTime(x.receivedAt), x.leadUnitName ?? categoryName(x.categoryCode, x.categoryName)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
