// Proactive cases (未诉先办) made from hotspots: their member tickets, progress notes and the closing
// result — each step also written to every member's timeline, where the citizen sees it.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { HotspotCase, HotspotCaseList } from '../contract.ts';
import { api } from '../api/client.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { MemberTable } from './MemberTable.tsx';
import { formatDate, formatTime } from '../components/time.ts';

type Case = z.infer<typeof HotspotCase>;
type Cases = z.infer<typeof HotspotCaseList>;
type CaseRow = Cases['items'][number];
type Step = 'progress' | 'close';

const casesApi = {
  list: (page: number) => api.get<Cases>('/api/v1/hotspots/cases', { page, pageSize: 10 }),
  get: (id: string) => api.get<Case>(`/api/v1/hotspots/cases/${id}`),
  step: (id: string, step: Step, text: string) =>
    api.post<Case>(`/api/v1/hotspots/cases/${id}/${step}`, step === 'close' ? { result: text } : { note: text }),
};

function CaseDetail({ row }: { row: CaseRow }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['nlp', 'hotspot-case', row.id, row.progressCount, row.status], queryFn: () => casesApi.get(row.id) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {row.result && (
        <Descriptions size="small" column={1} items={[
          { key: 'result', label: t('dash.cases.result'), children: row.result },
          { key: 'closed', label: t('dash.cases.closedAt'), children: row.closedAt ? formatTime(row.closedAt) : '—' },
        ]} />
      )}
      <MemberTable members={q.data?.members ?? []} loading={q.isLoading} />
    </Space>
  );
}

const dayOf = (iso: string | null) => (iso ? formatDate(iso) : '—');

export interface CasesTableProps {
  /** the centre accepts results (办结); a lead unit only records progress */
  canClose?: boolean;
  /** shown in a card with this title, and not at all while there are no cases (the unit workbench) */
  cardTitle?: string;
}

export function CasesTable({ canClose = true, cardTitle }: CasesTableProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ row: CaseRow; step: Step } | null>(null);
  const [text, setText] = useState('');
  const q = useQuery({ queryKey: ['nlp', 'hotspot-cases', page], queryFn: () => casesApi.list(page), retry: false });
  const step = useMutation({
    mutationFn: (v: { id: string; step: Step; text: string }) => casesApi.step(v.id, v.step, v.text),
    onSuccess: (c, v) => {
      message.success(t(v.step === 'close' ? 'dash.cases.closedOk' : 'dash.cases.progressOk', { n: String(c.members.length) }));
      setEditing(null);
      setText('');
      void qc.invalidateQueries({ queryKey: ['nlp', 'hotspot-cases'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (q.error) return null;
  if (cardTitle && !q.data?.total) return null;
  const open = (row: CaseRow, s: Step) => {
    setEditing({ row, step: s });
    setText('');
  };
  const table = (
    <>
      <Table
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: q.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (row) => <CaseDetail row={row} /> }}
        columns={[
          { key: 'title', title: t('dash.cases.title'), dataIndex: 'title', ellipsis: true },
          { key: 'lead', title: t('dash.cases.leadUnit'), dataIndex: 'leadUnitName', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
          { key: 'members', title: t('dash.tickets'), dataIndex: 'memberCount', width: 80 },
          { key: 'progress', title: t('dash.cases.progressCount'), dataIndex: 'progressCount', width: 90 },
          { key: 'status', title: t('field.status'), dataIndex: 'status', width: 100, render: (s: string) => <Tag color={s === 'open' ? 'blue' : 'green'}>{t(`dash.cases.status.${s}`)}</Tag> },
          { key: 'at', title: t('dash.cases.createdAt'), dataIndex: 'createdAt', width: 110, render: (v: string) => dayOf(v) },
          {
            key: 'due', title: t('dash.cases.due'), dataIndex: 'dueAt', width: 130,
            render: (v: string | null, row: CaseRow) => (
              <Space size={4}>{dayOf(v)}{row.overdue ? <Tag color="red">{t('dash.cases.overdue')}</Tag> : null}</Space>
            ),
          },
          {
            key: 'steps',
            title: t('dash.cases.steps'),
            width: 230,
            render: (_: unknown, row: CaseRow) => row.status === 'open' ? (
              <Space size="small">
                <Button size="small" onClick={() => open(row, 'progress')}>{t('dash.cases.addProgress')}</Button>
                {canClose ? <Button size="small" type="primary" onClick={() => open(row, 'close')}>{t('dash.cases.close')}</Button> : null}
              </Space>
            ) : <Typography.Text type="secondary">—</Typography.Text>,
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing ? `${t(editing.step === 'close' ? 'dash.cases.close' : 'dash.cases.addProgress')}${locale === 'zh' ? '：' : ': '}${editing.row.title}` : ''}
        okText={t(editing?.step === 'close' ? 'dash.cases.close' : 'dash.cases.addProgress')}
        okButtonProps={{ disabled: !text.trim(), loading: step.isPending }}
        onOk={() => editing && step.mutate({ id: editing.row.id, step: editing.step, text: text.trim() })}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t(editing?.step === 'close' ? 'dash.cases.closeHint' : 'dash.cases.progressHint', { n: String(editing?.row.memberCount ?? 0) })}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label={t(editing?.step === 'close' ? 'dash.cases.result' : 'dash.cases.progressNote')}
          rows={4}
          style={{ marginBottom: 20 }}
          maxLength={editing?.step === 'close' ? 4000 : 2000}
          showCount
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Modal>
    </>
  );
  return cardTitle ? <Card title={cardTitle} style={{ marginTop: 16 }}>{table}</Card> : table;
}
