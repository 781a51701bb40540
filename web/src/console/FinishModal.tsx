// Finishing a call without dispatch: answer directly and close, out of scope with its rule, or transfer.
import { Form, Modal } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { ActionFields, toBody, type Body } from '../components/ActionForm.tsx';

export interface Finish {
  kind: 'direct_answer' | 'out_of_scope' | 'transfer';
  preset?: string;
  body?: Body;
}

export function FinishModal({ finish, pending, onCancel, onSubmit }: {
  finish: Finish | null;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (f: Finish & { body: Body }) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  useEffect(() => {
    if (!finish) return;
    if (finish.kind === 'direct_answer' && finish.preset) form.setFieldValue('text', finish.preset);
    if (finish.kind === 'transfer' && finish.preset) form.setFieldValue('target', finish.preset);
  }, [finish, form]);
  return (
    <Modal
      open={!!finish}
      title={finish ? t(`act.btn.${finish.kind}`) : ''}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={`${t('common.confirm')} (Ctrl+Enter)`}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      destroyOnHidden
      okButtonProps={{ id: 'finish-submit', danger: finish?.kind !== 'direct_answer' }}
    >
      {finish ? (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          name="finish"
          onFinish={(v) => onSubmit({ ...finish, body: toBody(finish.kind, v) })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              form.submit();
            }
          }}
        >
          <ActionFields action={finish.kind} />
        </Form>
      ) : null}
    </Modal>
  );
}
