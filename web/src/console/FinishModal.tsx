// Finishing a call without dispatch: answer directly and close, out of scope with its rule, or transfer.
// A transfer opens at once, emergency or not: what the ticket still lacks (the caller's phone, the
// text) is asked for in the dialog itself.
import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { isCallablePhone } from '../contract.ts';
import { ActionFields, toBody, type Body } from '../components/ActionForm.tsx';

export interface Finish {
  kind: 'direct_answer' | 'out_of_scope' | 'transfer';
  preset?: string;
  body?: Body;
  /** asked for in the transfer dialog because the console form lacked them */
  phone?: string;
  content?: string;
}

/** A number the caller can be called back on (the server checks the same: isCallablePhone). */
export const phoneRule = (message: string) => ({
  validator: (_r: unknown, v: string | undefined) => (!v || isCallablePhone(v) ? Promise.resolve() : Promise.reject(new Error(message))),
});

/** What a transfer dialog must ask for: the console form's phone or text when missing or invalid. */
export interface FinishAsk {
  phone: boolean;
  content: boolean;
}

export function FinishModal({ finish, ask, pending, onCancel, onSubmit }: {
  finish: Finish | null;
  ask?: FinishAsk;
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
          onFinish={(v) => onSubmit({ ...finish, body: toBody(finish.kind, v), phone: v.phone?.trim(), content: v.content })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              form.submit();
            }
          }}
        >
          {ask?.phone ? (
            <Form.Item name="phone" label={t('field.phone')} extra={t('console.transferPhone')}
              rules={[{ required: true, message: t('console.phoneInvalid') }, phoneRule(t('console.phoneInvalid'))]}>
              <Input inputMode="tel" maxLength={20} autoFocus id="finish-phone" />
            </Form.Item>
          ) : null}
          {ask?.content ? (
            <Form.Item name="content" label={t('field.content')} rules={[{ required: true, min: 2, message: t('act.min2') }]}>
              <Input.TextArea rows={3} maxLength={5000} id="finish-content" />
            </Form.Item>
          ) : null}
          <ActionFields action={finish.kind} />
        </Form>
      ) : null}
    </Modal>
  );
}
