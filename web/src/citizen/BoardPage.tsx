// 民声黑板: recent resolved and in-progress matters, anonymised; filter by place, category, state.
import { useState } from 'react';
import { Alert, Card, Empty, Form, List, Pagination, Segmented, Space, TreeSelect, Typography } from 'antd';
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { ticketsApi } from '../api/tickets.ts';
import { useCategories } from '../api/refdata.ts';
import { categoryTree } from '../components/categoryTree.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { DivisionPicker } from '../components/DivisionPicker.tsx';
import { StatusTag } from '../components/Tags.tsx';
import { formatDate } from '../components/time.ts';
import { useCategoryName } from '../components/category-name.ts';

const PAGE_SIZE = 10;

export default function BoardPage() {
  const { t, locale } = useI18n();
  const categoryName = useCategoryName();
  const errorText = useErrorText();
  const [divisionCode, setDivision] = useState<string>();
  const [categoryCode, setCategory] = useState<string>();
  const [status, setStatus] = useState<'all' | 'done' | 'open'>('all');
  const [page, setPage] = useState(1);
  const cats = useCategories();
  const q = useQuery({
    queryKey: ['board', divisionCode, categoryCode, status, page],
    queryFn: () => ticketsApi.board({ divisionCode, categoryCode, page, pageSize: PAGE_SIZE, status: status === 'all' ? undefined : status }),
    placeholderData: keepPreviousData,
  });
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card title={t('citizen.board.title')} size="small">
        <Typography.Paragraph type="secondary">{t('citizen.board.intro')}</Typography.Paragraph>
        <Segmented
          block
          value={status}
          onChange={(v) => reset(setStatus)(v as 'all' | 'done' | 'open')}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'open', label: t('citizen.board.open') },
            { value: 'done', label: t('citizen.board.done') },
          ]}
          style={{ marginBottom: 12 }}
        />
        <Form layout="vertical" component={false}>
          <DivisionPicker onChange={reset(setDivision)} size="middle" maxLevel={5} id="board-division" />
        </Form>
        {cats.data?.length ? (
          <TreeSelect
            aria-label={t('field.category')}
            allowClear
            style={{ width: '100%' }}
            placeholder={t('field.category')}
            treeData={categoryTree(cats.data, locale)}
            value={categoryCode}
            onChange={reset(setCategory)}
            showSearch
            treeNodeFilterProp="title"
          />
        ) : null}
      </Card>
      {q.error ? <Alert type="error" showIcon role="alert" message={errorText(q.error)} /> : null}
      <List
        loading={q.isFetching && !q.data}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('common.empty')} /> }}
        renderItem={(it) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="board-item">
            <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
              <Typography.Text strong>{it.title}</Typography.Text>
              <StatusTag status={it.status} />
            </Space>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0' }}>
              {[it.divisionName, categoryName(it.categoryCode, it.categoryName), formatDate(it.receivedAt), it.closedAt ? t('citizen.board.closedAt', { d: formatDate(it.closedAt) }) : null]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Paragraph>
            {it.replyExcerpt ? (
              <Typography.Paragraph style={{ margin: 0, background: '#f6ffed', padding: 8, borderRadius: 4 }}>
                {t('citizen.board.reply')}{t('citizen.colon')}{it.replyExcerpt}
              </Typography.Paragraph>
            ) : null}
          </Card>
        )}
      />
      {q.data && q.data.total > PAGE_SIZE ? (
        <Pagination simple align="center" current={page} pageSize={PAGE_SIZE} total={q.data.total} onChange={setPage} />
      ) : null}
    </Space>
  );
}
