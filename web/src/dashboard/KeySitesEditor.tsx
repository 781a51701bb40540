// Admin: the key sites of a place (e.g. flood patrol points, dangerous slopes) shown on its profile.
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';

interface Site {
  name: string;
  kind?: string;
  note?: string;
}

export function KeySitesEditor({ code, sites }: { code: string; sites: Site[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ items: Site[] }>();
  const save = useMutation({
    mutationFn: (v: { items: Site[] }) =>
      api.put(`/api/v1/admin/divisions/${encodeURIComponent(code)}/key-sites`, {
        items: (v.items ?? []).filter((s) => s?.name?.trim()).map((s) => ({ name: s.name.trim(), kind: s.kind || undefined, note: s.note || undefined })),
      }),
    onSuccess: async () => {
      message.success(t('common.done'));
      await qc.invalidateQueries({ queryKey: ['reports', 'profile', code] });
      setOpen(false);
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <>
      <Button size="small" icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="key-sites-edit">
        {t('dash.keySites.edit')}
      </Button>
      <Modal open={open} title={t('dash.profile.keySites')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }} destroyOnHidden width={640}>
        <Form form={form} preserve={false} initialValues={{ items: sites }} onFinish={(v) => save.mutate(v)}>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('dash.keySites.name') }]}>
                      <Input placeholder={t('dash.keySites.name')} aria-label={t('dash.keySites.name')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'kind']}>
                      <Input placeholder={t('dash.keySites.kind')} aria-label={t('dash.keySites.kind')} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'note']}>
                      <Input placeholder={t('dash.keySites.note')} aria-label={t('dash.keySites.note')} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('dash.keySites.remove')} />
                  </Space>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                  {t('dash.keySites.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
