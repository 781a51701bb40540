// Buttons for exactly the actions the server allows on this ticket (allowedActions): no dead buttons.
// Each opens a small form (or acts at once when nothing is needed) and posts the transition.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { App, Button, Form, Modal, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TicketDetail } from '../contract.ts';
import { ticketsApi } from '../api/tickets.ts';
import type { UnitRef } from '../api/refdata.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { ActionFields, toBody, type Body } from './ActionForm.tsx';

/** Display order; the first allowed among PRIMARY is the main button. */
const ORDER = [
  'sign', 'reply', 'dispatch', 'redispatch', 'progress', 'callback', 'close', 'extension_approve', 'extension_deny',
  'direct_answer', 'out_of_scope', 'transfer', 'return', 'extension_request', 'pass_down', 'summon', 'merge',
  'supervise', 'reopen', 'exclude', 'note',
];
const PRIMARY = ['sign', 'reply', 'dispatch', 'redispatch', 'callback', 'close', 'extension_approve'];
const IMMEDIATE = new Set(['sign']);
const DANGER = new Set(['return', 'out_of_scope', 'exclude', 'extension_deny']);

export interface TicketActionsProps {
  ticket: TicketDetail;
  /** Limit to these actions (still only if allowed). */
  only?: string[];
  suggested?: UnitRef[];
  onDone?: (t: TicketDetail, action: string) => void;
  /** Open this action's form with these values, or fill them in when it is open (a new `seq` each time). */
  preset?: { action: string; values: Record<string, unknown>; seq: number };
  /** Shown in the action's dialog under its fields; `fill` sets field values of the form there. */
  formExtra?: (action: string, fill: (values: Record<string, unknown>) => void) => ReactNode;
}

export function TicketActions({ ticket, only, suggested, onDone, preset, formExtra }: TicketActionsProps) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [initial, setInitial] = useState<Record<string, unknown> | undefined>();
  const close = () => (setOpen(null), setInitial(undefined));
  const run = useMutation({
    mutationFn: (body: Body) => ticketsApi.transition(ticket.id, body),
    onSuccess: (detail, body) => {
      message.success(t('act.done', { action: t(`action.${body.action}`) }));
      qc.setQueryData(['ticket', ticket.id], detail);
      qc.invalidateQueries({ queryKey: ['tickets'] });
      close();
      form.resetFields();
      onDone?.(detail, body.action);
    },
  });
  // filling a form someone has typed into asks first: a suggestion never wipes a draft unseen
  const fill = (values: Record<string, unknown>) => {
    const typed = Object.keys(values).some((k) => {
      const now = form.getFieldValue(k);
      return typeof now === 'string' && now.trim() !== '' && now !== values[k];
    });
    if (!typed) return form.setFieldsValue(values);
    modal.confirm({ title: t('act.replaceDraft'), okText: t('act.replaceDraft.ok'), cancelText: t('common.cancel'), onOk: () => form.setFieldsValue(values) });
  };
  // only a preset made after mounting opens the form, not a re-render or a remount
  const seen = useRef(preset?.seq);
  useEffect(() => {
    if (!preset || preset.seq === seen.current || !ticket.allowedActions.includes(preset.action)) return;
    seen.current = preset.seq;
    if (open === preset.action) return fill(preset.values);
    run.reset();
    setInitial(preset.values);
    setOpen(preset.action);
  }, [preset, open, ticket.allowedActions, form, run]);
  const allowed = ORDER.filter((a) => ticket.allowedActions.includes(a) && (!only || only.includes(a)));
  const primary = allowed.find((a) => PRIMARY.includes(a));
  if (!allowed.length) return null;
  const extra = open && formExtra ? formExtra(open, fill) : null;
  return (
    <>
      <Space wrap data-testid="ticket-actions">
        {allowed.map((a) => (
          <Button
            key={a}
            type={a === primary ? 'primary' : 'default'}
            danger={DANGER.has(a)}
            loading={run.isPending && run.variables?.action === a}
            onClick={() => (IMMEDIATE.has(a) ? run.mutate(toBody(a, {})) : (run.reset(), setInitial(undefined), setOpen(a)))}
            data-action={a}
          >
            {t(`act.btn.${a}`)}
          </Button>
        ))}
      </Space>
      {run.error && !open ? <div role="alert" style={{ color: '#cf1322', marginTop: 8 }}>{errorText(run.error)}</div> : null}
      <Modal
        open={!!open}
        title={open ? t(`act.btn.${open}`) : ''}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        onCancel={close}
        onOk={() => form.submit()}
        confirmLoading={run.isPending}
        destroyOnHidden
        width={extra ? 760 : undefined}
        okButtonProps={{ danger: open ? DANGER.has(open) : false, id: 'action-submit' }}
      >
        {open ? (
          <Form form={form} layout="vertical" preserve={false} initialValues={initial} onFinish={(v) => run.mutate(toBody(open, v))} name={`act-${open}`}>
            <ActionFields action={open} ticket={ticket} suggested={suggested} />
            {run.error ? <div role="alert" style={{ color: '#cf1322' }}>{errorText(run.error)}</div> : null}
            {extra}
          </Form>
        ) : null}
      </Modal>
    </>
  );
}
