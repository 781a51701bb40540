// Hotspot clusters (每月一题 / 未诉先办): related tickets by topic × place × time, each with its
// member tickets; a supervisor turns one into a proactive case that the members follow, and sees
// the cases made so far.
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { HotspotCase } from '../contract.ts';
import { api } from '../api/client.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { MemberTable } from './MemberTable.tsx';
import { fetchDivisions } from '../api/refdata.ts';
import { reportsApi, type TextHotspots } from './api.ts';
import { CasesTable } from './CasesTable.tsx';
import { HotspotFigures, useHotspotColumns } from './HotspotFigures.tsx';
import { UnitPicker } from '../components/UnitPicker.tsx';

type Hotspot = TextHotspots['items'][number];
type Case = z.infer<typeof HotspotCase>;

interface CaseForm {
  title: string;
  leadUnitId?: string;
  dueWorkingDays: number;
  note?: string;
}

const casesApi = {
  create: ({ h, form }: { h: Hotspot; form: CaseForm }) =>
    api.post<Case>('/api/v1/hotspots/cases', {
      title: form.title.trim(),
      leadUnitId: form.leadUnitId || undefined,
      dueWorkingDays: form.dueWorkingDays,
      note: form.note?.trim() || undefined,
      ticketIds: h.members.map((m) => m.id),
      from: h.from,
      to: h.to,
      score: { size: h.size, votes: h.votes, growth: h.growth, score: h.score, terms: h.terms, place: h.place },
    }),
};

/** The unit most of the members are with: the natural lead of a case made from them. */
function usualUnit(h: Hotspot): { id: string; name: string } | null {
  const n = new Map<string, { id: string; name: string; n: number }>();
  for (const m of h.members) {
    if (!m.leadUnitId) continue;
    const e = n.get(m.leadUnitId) ?? { id: m.leadUnitId, name: m.leadUnitName ?? '', n: 0 };
    e.n++;
    n.set(m.leadUnitId, e);
  }
  let best: { id: string; name: string; n: number } | null = null;
  for (const e of n.values()) if (!best || e.n > best.n) best = e;
  return best ? { id: best.id, name: best.name } : null;
}

/** GB/T 2260 parent of a division code (省 2, 市 4, 县 6, 乡 9, 村 12 digits). */
const parentOf = (code: string) => code.slice(0, code.length === 12 ? 9 : code.length === 9 ? 6 : Math.max(0, code.length - 2));

/** Names of the hotspots' places (county codes), from the divisions list of their parents. */
function usePlaceNames(codes: string[]): Map<string, string> {
  const parents = [...new Set(codes.filter(Boolean).map(parentOf))];
  const lists = useQueries({
    queries: parents.map((p) => ({ queryKey: ['divisions', p], queryFn: () => fetchDivisions(p || undefined), staleTime: 30 * 60_000 })),
  });
  const names = new Map<string, string>();
  for (const l of lists) for (const d of l.data ?? []) names.set(d.code, d.name);
  return names;
}

export function HotspotsPanel({ period }: { period: { from?: string; to?: string } }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['nlp', 'hotspots', period], queryFn: () => reportsApi.textHotspots({ ...period, pageSize: 20 }), retry: false });
  const [made, setMade] = useState<Record<string, string>>({});
  const [making, setMaking] = useState<Hotspot | null>(null);
  const proposed = making ? usualUnit(making) : null;
  const [form] = Form.useForm<CaseForm>();
  const figures = useHotspotColumns();
  const placeNames = usePlaceNames((q.data?.items ?? []).map((h) => h.place ?? ''));
  const create = useMutation({
    mutationFn: casesApi.create,
    onSuccess: (c, { h }) => {
      setMade((m) => ({ ...m, [h.key]: c.id }));
      setMaking(null);
      message.success(t('dash.cases.made', { title: c.title, n: String(c.members.length) }));
      void qc.invalidateQueries({ queryKey: ['nlp', 'hotspot-cases'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (q.error) return <Typography.Text type="secondary">{errorText(q.error)}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Table
        rowKey="key"
        size="small"
        loading={q.isLoading}
        locale={{ emptyText: t('dash.textHotspots.none') }}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 10 }}
        expandable={{ expandedRowRender: (h) => <><HotspotFigures h={h} /><MemberTable members={h.members} /></> }}
        columns={[
          { key: 'title', title: t('dash.textHotspots.title'), dataIndex: 'title', ellipsis: true },
          { key: 'place', title: t('field.division'), dataIndex: 'place', width: 140, render: (c: string | null) => (c ? placeNames.get(c) ?? c : '—') },
          ...figures,
          { key: 'terms', title: t('dash.textHotspots.terms'), dataIndex: 'terms', render: (v: string[]) => v.slice(0, 5).map((x) => <Tag key={x}>{x}</Tag>) },
          {
            key: 'case',
            title: t('dash.cases.action'),
            width: 180, // 'Make a proactive case' whole
            render: (_: unknown, h: Hotspot) =>
              made[h.key] || h.case ? (
                <Tag color="green" title={h.case?.title}>{t(h.case?.status === 'closed' ? 'dash.cases.status.closed' : 'dash.cases.done')}</Tag>
              ) : (
                <Button size="small" onClick={() => setMaking(h)}>{t('dash.cases.make')}</Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!making}
        title={t('dash.cases.make')}
        okText={t('dash.cases.make')}
        okButtonProps={{ loading: create.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setMaking(null)}
        destroyOnHidden
      >
        {making ? (
          <Form<CaseForm>
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{ title: making.title.replace(/(…|\.\.\.)$/, ''), dueWorkingDays: 15, leadUnitId: proposed?.id }}
            onFinish={(v) => create.mutate({ h: making, form: v })}
          >
            <Typography.Paragraph type="secondary">{t('dash.cases.confirm', { n: String(making.members.length) })}</Typography.Paragraph>
            <Form.Item name="title" label={t('dash.cases.title')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="leadUnitId" label={t('dash.cases.leadUnit')} extra={t('dash.cases.leadUnitHint')}>
              <UnitPicker data-testid="case-lead-unit" suggested={proposed ? [proposed] : []} />
            </Form.Item>
            <Form.Item name="dueWorkingDays" label={t('dash.cases.dueDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={250} precision={0} addonAfter={t('dash.cases.workingDays')} />
            </Form.Item>
            <Form.Item name="note" label={t('dash.cases.note')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Form>
        ) : null}
      </Modal>
      <div>
        <Typography.Title level={5}>{t('dash.cases.heading')}</Typography.Title>
        <CasesTable />
      </div>
    </Space>
  );
}
