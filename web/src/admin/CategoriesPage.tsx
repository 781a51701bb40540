// The category tree (3 levels): add under a parent, rename, keywords, switch off.
import { useMemo, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Switch, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { itemsOf } from '../api/client.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { adminApi, type CategoryRow } from './api.ts';

type TreeRow = CategoryRow & { children?: TreeRow[] };

function toTree(rows: CategoryRow[]): TreeRow[] {
  const byCode = new Map<string, TreeRow>(rows.map((r) => [r.code, { ...r }]));
  const roots: TreeRow[] = [];
  for (const r of byCode.values()) {
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(r);
    else roots.push(r);
  }
  return roots;
}

interface CatForm {
  name: string;
  nameEn?: string | null;
  keywords?: string;
  code?: string;
}

export function CategoriesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['admin', 'categories'], queryFn: async () => itemsOf<CategoryRow>(await adminApi.categories()) });
  const tree = useMemo(() => toTree(q.data ?? []), [q.data]);
  const [editing, setEditing] = useState<{ row: CategoryRow | null; parent: string | null } | null>(null);
  const [form] = Form.useForm<CatForm>();
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['admin', 'categories'] }), qc.invalidateQueries({ queryKey: ['categories'] })]);
  const save = useMutation({
    mutationFn: (v: CatForm) =>
      editing?.row ? adminApi.patchCategory(editing.row.code, { name: v.name, nameEn: v.nameEn || null, keywords: v.keywords ?? '' }) : adminApi.createCategory({ ...v, code: v.code || undefined, parentCode: editing?.parent ?? null }),
    onSuccess: async () => {
      message.success(t('common.done'));
      await refresh();
      setEditing(null);
    },
    onError: (e) => message.error(errorText(e)),
  });
  const toggle = useMutation({
    mutationFn: (r: CategoryRow) => adminApi.patchCategory(r.code, { active: !r.active }),
    onSuccess: refresh,
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Card size="small" title={t('admin.categories.title')} extra={<Button type="primary" onClick={() => setEditing({ row: null, parent: null })}>{t('admin.categories.addTop')}</Button>}>
      <Table<TreeRow>
        rowKey="code"
        size="small"
        loading={q.isLoading}
        dataSource={tree}
        pagination={false}
        columns={[
          { key: 'name', title: t('admin.name'), render: (_, r) => (locale === 'en' && r.nameEn ? r.nameEn : r.name) },
          { key: 'code', title: t('admin.code'), dataIndex: 'code', width: 100 },
          { key: 'kw', title: t('admin.categories.keywords'), dataIndex: 'keywords', ellipsis: true, render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
          { key: 'active', title: t('admin.active'), width: 70, render: (_, r) => <Switch size="small" checked={r.active} onChange={() => toggle.mutate(r)} aria-label={t('admin.active')} /> },
          {
            key: 'ops', title: '', width: 180,
            render: (_, r) => (
              <>
                <Button size="small" onClick={() => setEditing({ row: r, parent: r.parentCode })}>{t('admin.edit')}</Button>{' '}
                {r.level < 3 ? <Button size="small" onClick={() => setEditing({ row: null, parent: r.code })}>{t('admin.categories.addChild')}</Button> : null}
              </>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing?.row ? t('admin.edit') : t('admin.categories.addChild')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: save.isPending }}
        destroyOnHidden
      >
        <Form<CatForm> form={form} layout="vertical" preserve={false} initialValues={editing?.row ?? {}} onFinish={(v) => save.mutate(v)}>
          {!editing?.row ? (
            <Form.Item name="code" label={t('admin.code')} htmlFor="cat-code" extra={t('admin.categories.codeHint')}>
              <Input id="cat-code" />
            </Form.Item>
          ) : null}
          <Form.Item name="name" label={t('admin.name')} htmlFor="cat-name" rules={[{ required: true, message: t('admin.required') }]}>
            <Input id="cat-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('admin.nameEn')} htmlFor="cat-name-en">
            <Input id="cat-name-en" />
          </Form.Item>
          <Form.Item name="keywords" label={t('admin.categories.keywords')} htmlFor="cat-kw">
            <Input.TextArea id="cat-kw" rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
