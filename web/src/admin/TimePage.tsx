// Time-limit policies (stage × urgency × type → hours or working days) and local holiday overrides.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { REQUEST_TYPES, URGENCIES } from '../contract.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { adminApi, STAGES, type Override, type Policy } from './api.ts';

interface PolicyForm {
  stage: Policy['stage'];
  urgency?: string | null;
  requestType?: string | null;
  amount: number;
  unit: Policy['unit'];
  note?: string | null;
}

export function PoliciesCard() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Policy | null | 'new'>(null);
  const [form] = Form.useForm<PolicyForm>();
  const q = useQuery({ queryKey: ['admin', 'policies'], queryFn: () => adminApi.policies({ pageSize: 200 }) });
  const done = async () => {
    message.success(t('common.done'));
    await qc.invalidateQueries({ queryKey: ['admin', 'policies'] });
    setEditing(null);
  };
  const save = useMutation({
    mutationFn: (v: PolicyForm) =>
      editing && editing !== 'new' ? adminApi.putPolicy(editing.id, { amount: v.amount, unit: v.unit, note: v.note || null }) : adminApi.createPolicy({ ...v, note: v.note || null }),
    onSuccess: done,
    onError: (e) => message.error(errorText(e)),
  });
  const del = useMutation({ mutationFn: (p: Policy) => adminApi.deletePolicy(p.id), onSuccess: done, onError: (e) => message.error(errorText(e)) });
  const isEdit = editing !== null && editing !== 'new';
  return (
    <Card size="small" title={t('admin.policies.title')} extra={<Button type="primary" onClick={() => setEditing('new')}>{t('admin.policies.add')}</Button>}>
      {q.error ? <Alert type="error" showIcon message={errorText(q.error)} /> : null}
      <Table<Policy>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          { key: 'stage', title: t('admin.policies.stage'), render: (_, p) => t(`admin.stage.${p.stage}`) },
          { key: 'urg', title: t('field.urgency'), render: (_, p) => (p.urgency ? label('urgency', p.urgency) : <Tag>{t('admin.any')}</Tag>) },
          { key: 'type', title: t('field.type'), render: (_, p) => (p.requestType ? label('requestType', p.requestType) : <Tag>{t('admin.any')}</Tag>) },
          { key: 'amount', title: t('admin.policies.limit'), render: (_, p) => t(`admin.amount.${p.unit}${p.amount === 1 ? '.one' : ''}`, { n: p.amount }) },
          { key: 'note', title: t('admin.note'), dataIndex: 'note', ellipsis: true },
          {
            key: 'ops', title: '', width: 150,
            render: (_, p) => (
              <Space>
                <Button size="small" onClick={() => setEditing(p)}>{t('admin.edit')}</Button>
                <Popconfirm title={t('admin.confirmDelete')} onConfirm={() => del.mutate(p)}>
                  <Button size="small" danger>{t('admin.delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={editing !== null} title={isEdit ? t('admin.edit') : t('admin.policies.add')} onCancel={() => setEditing(null)} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }} destroyOnHidden>
        <Form<PolicyForm> form={form} layout="vertical" preserve={false} initialValues={isEdit ? (editing as Policy) : { stage: 'reply', unit: 'working_days', amount: 5 }} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="stage" label={t('admin.policies.stage')} htmlFor="pol-stage">
            <Select id="pol-stage" disabled={isEdit} options={STAGES.map((s) => ({ value: s, label: t(`admin.stage.${s}`) }))} />
          </Form.Item>
          <Form.Item name="urgency" label={t('field.urgency')} htmlFor="pol-urgency">
            <Select id="pol-urgency" disabled={isEdit} allowClear placeholder={t('admin.any')} options={URGENCIES.map((u) => ({ value: u, label: label('urgency', u) }))} />
          </Form.Item>
          <Form.Item name="requestType" label={t('field.type')} htmlFor="pol-type">
            <Select id="pol-type" disabled={isEdit} allowClear placeholder={t('admin.any')} options={REQUEST_TYPES.map((u) => ({ value: u, label: label('requestType', u) }))} />
          </Form.Item>
          <Space>
            <Form.Item name="amount" label={t('admin.policies.limit')} htmlFor="pol-amount" rules={[{ required: true, message: t('admin.required') }]}>
              <InputNumber id="pol-amount" min={0.25} max={8784} step={1} />
            </Form.Item>
            <Form.Item name="unit" label={t('admin.policies.unit')} htmlFor="pol-unit">
              <Select id="pol-unit" style={{ width: 140 }} options={(['hours', 'working_days'] as const).map((u) => ({ value: u, label: t(`admin.unit.${u}`) }))} />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t('admin.note')} htmlFor="pol-note">
            <Input id="pol-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

export function OverridesCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['admin', 'overrides'], queryFn: () => adminApi.overrides({ pageSize: 200 }) });
  const coverage = useQuery({ queryKey: ['calendar-coverage'], queryFn: adminApi.calendarCoverage, staleTime: 3600_000 });
  // within the next year's reach (deadlines run up to a few weeks ahead): is its official arrangement known?
  const nextYear = new Date().getFullYear() + (new Date().getMonth() >= 9 ? 1 : 0);
  const missing = coverage.data && coverage.data.officialTo < nextYear ? coverage.data.officialTo + 1 : null;
  const [form] = Form.useForm<{ day: Dayjs; kind: Override['kind']; note?: string }>();
  const refresh = () => qc.invalidateQueries({ queryKey: ['admin', 'overrides'] });
  const add = useMutation({
    mutationFn: (v: { day: Dayjs; kind: Override['kind']; note?: string }) => adminApi.createOverride({ day: v.day.format('YYYY-MM-DD'), kind: v.kind, note: v.note || null }),
    onSuccess: async () => (message.success(t('common.done')), form.resetFields(), await refresh()),
    onError: (e) => message.error(errorText(e)),
  });
  const del = useMutation({ mutationFn: (o: Override) => adminApi.deleteOverride(o.day), onSuccess: refresh, onError: (e) => message.error(errorText(e)) });
  return (
    <Card size="small" title={t('admin.overrides.title')}>
      {missing ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="calendar-missing-year" message={t('admin.overrides.missingYear', { year: missing, last: coverage.data!.officialTo })} /> : null}
      <Form form={form} layout="inline" onFinish={(v) => add.mutate(v)} initialValues={{ kind: 'holiday' }} style={{ marginBottom: 12 }}>
        <Form.Item name="day" label={t('admin.overrides.day')} htmlFor="ovr-day" rules={[{ required: true, message: t('admin.required') }]}>
          <DatePicker id="ovr-day" />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.overrides.kind')} htmlFor="ovr-kind">
          <Select id="ovr-kind" style={{ width: 120 }} options={[{ value: 'holiday', label: t('admin.overrides.holiday') }, { value: 'workday', label: t('admin.overrides.workday') }]} />
        </Form.Item>
        <Form.Item name="note" label={t('admin.note')} htmlFor="ovr-note">
          <Input id="ovr-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>{t('admin.add')}</Button>
      </Form>
      <Table<Override>
        rowKey="day"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { key: 'day', title: t('admin.overrides.day'), dataIndex: 'day' },
          { key: 'kind', title: t('admin.overrides.kind'), render: (_, o) => <Tag color={o.kind === 'holiday' ? 'red' : 'blue'}>{t(`admin.overrides.${o.kind}`)}</Tag> },
          { key: 'note', title: t('admin.note'), dataIndex: 'note' },
          { key: 'ops', title: '', width: 90, render: (_, o) => <Popconfirm title={t('admin.confirmDelete')} onConfirm={() => del.mutate(o)}><Button size="small" danger>{t('admin.delete')}</Button></Popconfirm> },
        ]}
      />
    </Card>
  );
}

export function TimePage() {
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <PoliciesCard />
      <OverridesCard />
    </Space>
  );
}
