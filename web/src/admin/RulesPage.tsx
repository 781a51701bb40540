// Routing rules (category × division → lead unit + co-units) and the "which unit would get this?" tester.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { CategorySelect } from '../components/CategorySelect.tsx';
import { DivisionPicker } from '../components/DivisionPicker.tsx';
import { UnitPicker } from '../components/UnitPicker.tsx';
import { adminApi, type RouteResult, type Rule } from './api.ts';
import { useCategoryName } from '../components/category-name.ts';

interface RuleForm {
  categoryCode?: string | null;
  divisionCode?: string | null;
  leadUnitId: string;
  coUnitIds?: string[];
  priority?: number;
  note?: string | null;
}

function RuleModal({ rule, open, onClose }: { rule: Rule | null; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<RuleForm>();
  const [division, setDivision] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (v: RuleForm) => {
      const body = { ...v, divisionCode: division ?? rule?.divisionCode ?? null, categoryCode: v.categoryCode ?? null };
      return rule ? adminApi.patchRule(rule.id, body) : adminApi.createRule(body);
    },
    onSuccess: async () => {
      message.success(t('common.done'));
      await qc.invalidateQueries({ queryKey: ['admin', 'rules'] });
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Modal
      open={open}
      title={rule ? t('admin.rules.edit') : t('admin.rules.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'rule-save' } as never}
      destroyOnHidden
      width={640}
    >
      <Form<RuleForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={rule ? { categoryCode: rule.categoryCode, leadUnitId: rule.leadUnitId, coUnitIds: rule.coUnitIds, priority: rule.priority, note: rule.note } : { priority: 0 }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="categoryCode" label={t('field.category')} htmlFor="rule-category" extra={t('admin.rules.anyCategory')}>
          <CategorySelect id="rule-category" />
        </Form.Item>
        <Form.Item label={t('field.division')} extra={rule?.divisionName ? t('admin.rules.currentDivision', { name: rule.divisionName }) : t('admin.rules.anyDivision')}>
          <DivisionPicker id="rule-division" size="middle" onChange={setDivision} />
        </Form.Item>
        <Form.Item name="leadUnitId" label={t('admin.rules.lead')} htmlFor="rule-lead" rules={[{ required: true, message: t('admin.required') }]}>
          <UnitPicker id="rule-lead" suggested={rule ? [{ id: rule.leadUnitId, name: rule.leadUnitName }] : []} />
        </Form.Item>
        <Form.Item name="coUnitIds" label={t('field.coUnits')} htmlFor="rule-co">
          <UnitPicker id="rule-co" multiple />
        </Form.Item>
        <Space>
          <Form.Item name="priority" label={t('admin.rules.priority')} htmlFor="rule-priority">
            <InputNumber id="rule-priority" min={-1000} max={1000} />
          </Form.Item>
          <Form.Item name="note" label={t('admin.note')} htmlFor="rule-note">
            <Input id="rule-note" style={{ width: 360 }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

export function RoutingTester() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [category, setCategory] = useState<string | undefined>();
  const [division, setDivision] = useState<string | undefined>();
  const test = useMutation({ mutationFn: () => adminApi.testRoute({ categoryCode: category ?? null, divisionCode: division ?? null }) });
  const r: RouteResult | undefined = test.data;
  return (
    <Card size="small" title={t('admin.tester.title')}>
      <Form layout="vertical" onFinish={() => test.mutate()}>
        <Form.Item label={t('field.category')} htmlFor="tester-category">
          <CategorySelect id="tester-category" value={category} onChange={setCategory} />
        </Form.Item>
        <Form.Item label={t('field.division')}>
          <DivisionPicker id="tester-division" size="middle" onChange={setDivision} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={test.isPending} data-testid="tester-run">
          {t('admin.tester.run')}
        </Button>
      </Form>
      {test.error ? <Alert style={{ marginTop: 12 }} type="error" showIcon message={errorText(test.error)} /> : null}
      {r ? (
        <Descriptions style={{ marginTop: 12 }} size="small" column={1} bordered>
          <Descriptions.Item label={t('admin.rules.lead')}>
            <b data-testid="tester-unit">{r.leadUnitName ?? t('common.none')}</b> {r.fallback ? <Tag color="orange">{t('admin.tester.fallback')}</Tag> : null}
          </Descriptions.Item>
          {/* in the reader's language: a rule's own note is the admin's text; the fallback cases are ours */}
          <Descriptions.Item label={t('admin.tester.reason')}>
            {r.ruleId ? (locale === 'en' ? t('admin.tester.byRule', { unit: r.leadUnitName ?? '' }) : r.reason) : r.leadUnitName ? t('admin.tester.byFallback', { unit: r.leadUnitName }) : t('admin.tester.noUnit')}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin.tester.whitelist')}>{r.whitelistOk ? t('admin.yes') : <Tag color="red">{t('admin.no')}</Tag>}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </Card>
  );
}

export function RulesPage() {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [inactive, setInactive] = useState(false);
  const [editing, setEditing] = useState<Rule | null | 'new'>(null);
  const [fCategory, setFCategory] = useState<string | undefined>();
  const [fUnit, setFUnit] = useState<string | undefined>();
  const q = useQuery({
    queryKey: ['admin', 'rules', page, pageSize, inactive, fCategory, fUnit],
    queryFn: () => adminApi.rules({ page, pageSize, includeInactive: inactive || undefined, categoryCode: fCategory, unitId: fUnit }),
    placeholderData: keepPreviousData,
  });
  const toggle = useMutation({
    mutationFn: (r: Rule) => adminApi.patchRule(r.id, { active: !r.active }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'rules'] }),
    onError: (e) => message.error(errorText(e)),
  });
  const del = useMutation({
    mutationFn: (r: Rule) => adminApi.deleteRule(r.id),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'rules'] }),
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title={t('admin.rules.title')}
        extra={
          <Space>
            <Switch checked={inactive} onChange={setInactive} id="rules-inactive" />
            <label htmlFor="rules-inactive">{t('admin.showInactive')}</label>
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('admin.rules.add')}
            </Button>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 8 }}>
          <div style={{ width: 220 }}>
            <CategorySelect id="rules-filter-category" value={fCategory} onChange={(v) => (setFCategory(v), setPage(1))} placeholder={t('admin.rules.filterCategory')} />
          </div>
          <UnitPicker id="rules-filter-unit" value={fUnit} onChange={(v: string | undefined) => (setFUnit(v), setPage(1))} style={{ width: 260 }} />
        </Space>
        {q.error ? <Alert type="error" showIcon message={errorText(q.error)} /> : null}
        <Table<Rule>
          rowKey="id"
          size="small"
          loading={q.isFetching && !q.data}
          dataSource={q.data?.items ?? []}
          scroll={{ x: 900 }}
          columns={[
            { key: 'cat', title: t('field.category'), render: (_, r) => categoryName(r.categoryCode, r.categoryName) ?? <Typography.Text type="secondary">{t('admin.any')}</Typography.Text> },
            { key: 'div', title: t('field.division'), render: (_, r) => r.divisionName ?? <Typography.Text type="secondary">{t('admin.any')}</Typography.Text> },
            { key: 'lead', title: t('admin.rules.lead'), dataIndex: 'leadUnitName' },
            { key: 'co', title: t('field.coUnits'), render: (_, r) => r.coUnitNames.join('、') },
            { key: 'prio', title: t('admin.rules.priority'), dataIndex: 'priority', width: 70 },
            { key: 'note', title: t('admin.note'), dataIndex: 'note', ellipsis: true },
            { key: 'active', title: t('admin.active'), width: 70, render: (_, r) => <Switch size="small" checked={r.active} onChange={() => toggle.mutate(r)} aria-label={t('admin.active')} /> },
            {
              key: 'ops', title: '', width: 140,
              render: (_, r) => (
                <Space>
                  <Button size="small" onClick={() => setEditing(r)} data-testid="rule-edit">
                    {t('admin.edit')}
                  </Button>
                  <Popconfirm title={t('admin.confirmDelete')} onConfirm={() => del.mutate(r)}>
                    <Button size="small" danger>
                      {t('admin.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
          pagination={{ current: page, pageSize, total: q.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.total', { n }), onChange: (p, s) => (setPage(p), setPageSize(s)) }}
        />
      </Card>
      <RoutingTester />
      <RuleModal rule={editing === 'new' ? null : editing} open={editing !== null} onClose={() => setEditing(null)} />
    </Space>
  );
}
