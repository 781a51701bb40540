// Users and roles: search, filter by role, add, edit role/unit/jurisdiction, disable, reset password.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLES } from '../contract.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { UnitPicker } from '../components/UnitPicker.tsx';
import { adminApi, type AdminUserRow } from './api.ts';

interface UserForm {
  username?: string;
  password?: string;
  displayName: string;
  role: string;
  unitId?: string | null;
  divisionCode?: string | null;
  phone?: string | null;
  active?: boolean;
}

function UserModal({ user, open, onClose }: { user: AdminUserRow | null; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<UserForm>();
  const save = useMutation({
    mutationFn: async (v: UserForm) => {
      const body = { ...v, divisionCode: v.divisionCode || null, phone: v.phone || null, unitId: v.unitId || null };
      if (!user) return adminApi.createUser(body);
      const { password, username: _u, ...patch } = body;
      const row = await adminApi.patchUser(user.id, patch);
      if (password) await adminApi.setPassword(user.id, password);
      return row;
    },
    onSuccess: async () => {
      message.success(t('common.done'));
      await qc.invalidateQueries({ queryKey: ['admin', 'users'] });
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Modal open={open} title={user ? t('admin.users.edit') : t('admin.users.add')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }} destroyOnHidden>
      <Form<UserForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={user ? { displayName: user.displayName, role: user.role, unitId: user.unitId, divisionCode: user.divisionCode, phone: user.phone, active: user.active } : { role: 'handler' }}
        onFinish={(v) => save.mutate(v)}
      >
        {!user ? (
          <Form.Item name="username" label={t('login.username')} htmlFor="user-username" rules={[{ required: true, message: t('admin.required') }]}>
            <Input id="user-username" autoComplete="off" />
          </Form.Item>
        ) : null}
        <Form.Item name="password" label={user ? t('admin.users.newPassword') : t('login.password')} htmlFor="user-password" rules={user ? [] : [{ required: true, min: 8, message: t('admin.users.passwordRule') }]}>
          <Input.Password id="user-password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin.name')} htmlFor="user-display" rules={[{ required: true, message: t('admin.required') }]}>
          <Input id="user-display" />
        </Form.Item>
        <Form.Item name="role" label={t('admin.users.role')} htmlFor="user-role">
          <Select id="user-role" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('admin.users.unit')} htmlFor="user-unit">
          <UnitPicker id="user-unit" suggested={user?.unitId && user.unitName ? [{ id: user.unitId, name: user.unitName }] : []} />
        </Form.Item>
        <Form.Item name="divisionCode" label={t('admin.users.jurisdiction')} htmlFor="user-division">
          <Input id="user-division" placeholder="3509" />
        </Form.Item>
        <Form.Item name="phone" label={t('field.phone')} htmlFor="user-phone">
          <Input id="user-phone" />
        </Form.Item>
        {user ? (
          <Form.Item name="active" label={t('admin.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

export function UsersPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<AdminUserRow | null | 'new'>(null);
  const list = useQuery({
    queryKey: ['admin', 'users', q, role, page, pageSize],
    queryFn: () => adminApi.users({ q: q || undefined, role, page, pageSize, includeInactive: true }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card
      size="small"
      title={t('admin.users.title')}
      extra={
        <Space wrap>
          <Input.Search placeholder={t('common.search')} allowClear onSearch={(v) => (setQ(v), setPage(1))} style={{ width: 200 }} aria-label={t('common.search')} />
          <Select allowClear placeholder={t('admin.users.role')} style={{ width: 140 }} value={role} onChange={(v) => (setRole(v), setPage(1))} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} aria-label={t('admin.users.role')} />
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('admin.users.add')}
          </Button>
        </Space>
      }
    >
      {list.error ? <Alert type="error" showIcon message={errorText(list.error)} /> : null}
      <Table<AdminUserRow>
        rowKey="id"
        size="small"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 800 }}
        columns={[
          { key: 'u', title: t('login.username'), dataIndex: 'username' },
          { key: 'n', title: t('admin.name'), dataIndex: 'displayName' },
          { key: 'r', title: t('admin.users.role'), render: (_, u) => <Tag>{t(`role.${u.role}`)}</Tag> },
          { key: 'unit', title: t('admin.users.unit'), dataIndex: 'unitName', ellipsis: true },
          { key: 'div', title: t('admin.users.jurisdiction'), dataIndex: 'divisionName' },
          { key: 's', title: t('admin.active'), render: (_, u) => (u.active ? (u.locked ? <Tag color="orange">{t('admin.users.locked')}</Tag> : <Tag color="green">{t('admin.yes')}</Tag>) : <Tag>{t('admin.inactive')}</Tag>) },
          { key: 'ops', title: '', width: 80, render: (_, u) => <Button size="small" onClick={() => setEditing(u)}>{t('admin.edit')}</Button> },
        ]}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common.total', { n }), onChange: (p, s) => (setPage(p), setPageSize(s)) }}
      />
      <UserModal user={editing === 'new' ? null : editing} open={editing !== null} onClose={() => setEditing(null)} />
    </Card>
  );
}
