// Hotline agent console: one screen, keyboard first. Phone → history; text → suggestions;
// create / answer and close / out of scope / transfer, each a few keystrokes; number to read back.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Switch, Tag, Typography, type InputRef } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REQUEST_TYPES, URGENCIES, type RequestType, type Urgency } from '../contract.ts';
import { ticketsApi } from '../api/tickets.ts';
import type { UnitRef } from '../api/refdata.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { CategorySelect } from '../components/CategorySelect.tsx';
import { DivisionPicker } from '../components/DivisionPicker.tsx';
import { UnitPicker } from '../components/UnitPicker.tsx';
import { TicketDrawer } from '../components/TicketDrawer.tsx';
import { CallerHistory } from './CallerHistory.tsx';
import { CALLBACK_ACTIONS, QueueCard } from '../components/QueueCard.tsx';
import { Suggestions } from './Suggestions.tsx';
import { useAnalyze } from './useAnalyze.ts';
import { FinishModal, phoneRule, type Finish, type FinishAsk } from './FinishModal.tsx';
import { isCallablePhone } from '../contract.ts';
import { PlaceTrail } from './PlaceTrail.tsx';
import { ResultPanel, type ConsoleResult } from './ResultPanel.tsx';
import { Kbd, useShortcuts } from './shortcuts.tsx';

interface Values {
  phone: string;
  name?: string;
  anonymous?: boolean;
  confidential?: boolean;
  type: RequestType;
  urgency: Urgency;
  title?: string;
  content: string;
  categoryCode?: string;
  address?: string;
}

export function ConsolePage() {
  const { t, label } = useI18n();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const phoneRef = useRef<InputRef>(null);
  const contentRef = useRef<HTMLTextAreaElement | null>(null);
  const [callKey, setCallKey] = useState(0);
  const [division, setDivision] = useState<{ code: string; name?: string } | null>(null);
  const [lead, setLead] = useState<UnitRef | null>(null);
  const [merge, setMerge] = useState<{ id: string; number: string } | null>(null);
  const [finish, setFinish] = useState<Finish | null>(null);
  const [result, setResult] = useState<ConsoleResult | null>(null);
  const [viewId, setViewId] = useState<string | null>(null);
  const phone = Form.useWatch('phone', form) ?? '';
  const content = Form.useWatch('content', form) ?? '';
  const title = Form.useWatch('title', form) ?? '';
  const address = Form.useWatch('address', form) ?? '';
  const categoryCode = Form.useWatch('categoryCode', form);
  const analysis = useAnalyze({ content, title, phone, divisionCode: division?.code, address });
  // too little text left to understand: no suggestions (not the last ones, for a text now gone)
  const a = [...content.trim()].length >= 4 ? (analysis.data ?? null) : null;

  // Request type and urgency follow the current suggestion (back to the defaults when there is
  // none) until the agent picks one by hand; a value picked by hand stays. The category is only
  // ever set by the agent (a click on a suggestion, Alt+1/2/3), so it stays as chosen.
  useEffect(() => {
    if (!form.isFieldTouched('type')) form.setFieldValue('type', a?.requestType ?? 'help');
    if (!form.isFieldTouched('urgency')) form.setFieldValue('urgency', a?.urgency.level ?? 'general');
  }, [a, form]);

  const newCall = useCallback(() => {
    form.resetFields();
    setDivision(null);
    setLead(null);
    setMerge(null);
    setResult(null);
    setFinish(null);
    setCallKey((k) => k + 1);
    setTimeout(() => phoneRef.current?.focus(), 0);
  }, [form]);

  const create = useMutation({
    mutationFn: async ({ v, fin }: { v: Values; fin: Finish | null }) => {
      const held = !!fin; // direct answer / out of scope / transfer act on a ticket still at 'received'
      const created = await ticketsApi.create({
        channel: 'hotline',
        type: v.type,
        urgency: v.urgency,
        title: v.title?.trim() || undefined,
        content: v.content,
        categoryCode: held ? undefined : v.categoryCode,
        divisionCode: division?.code,
        address: v.address?.trim() || undefined,
        contact: { phone: v.phone.trim(), name: v.anonymous ? undefined : v.name?.trim() || undefined, anonymous: !!v.anonymous, confidential: !!v.confidential },
        leadUnitId: !held && !merge && lead ? lead.id : undefined,
        mergeInto: !held && merge ? merge.id : undefined,
        hold: held || undefined,
      });
      if (!fin) return { created, status: created.status, finishError: null };
      try {
        const detail = await ticketsApi.transition(created.id, fin.body!);
        return { created, status: detail.status, finishError: null };
      } catch (e) {
        return { created, status: created.status, finishError: e };
      }
    },
    onSuccess: ({ created, status, finishError }, { fin }) => {
      qc.invalidateQueries({ queryKey: ['tickets'] });
      setFinish(null);
      setResult({
        id: created.id, number: created.number, status, unit: created.leadUnit?.name ?? null,
        action: fin?.body?.action ?? (merge ? 'merge' : 'create'), error: finishError ? errorText(finishError) : null,
      });
    },
  });

  const submit = useCallback(
    (fin: Finish | null) => form.validateFields().then((v) => create.mutate({ v, fin })).catch(() => undefined),
    [form, create],
  );
  // a transfer (110/119/120) opens at once: what the form lacks is asked for in the dialog
  const [ask, setAsk] = useState<FinishAsk | undefined>();
  const openFinish = useCallback(
    (kind: Finish['kind'], preset?: string) => {
      if (kind !== 'transfer') return form.validateFields().then(() => (setAsk(undefined), setFinish({ kind, preset }))).catch(() => undefined);
      const v = form.getFieldsValue(['phone', 'content']);
      setAsk({ phone: !isCallablePhone(v.phone ?? ''), content: (v.content ?? '').trim().length < 2 });
      setFinish({ kind, preset });
    },
    [form],
  );
  const submitFinish = useCallback(
    (f: Finish) => {
      if (f.phone) form.setFieldValue('phone', f.phone);
      if (f.content) form.setFieldValue('content', f.content);
      return submit(f);
    },
    [form, submit],
  );

  useShortcuts(!result && !finish, {
    'ctrl+enter': () => submit(null),
    'alt+d': () => openFinish('direct_answer'),
    'alt+o': () => openFinish('out_of_scope'),
    // the service the analysis names (a fire: 119) is preselected, as the suggestion's own button does
    'alt+t': () => openFinish('transfer', a?.urgency.transferTo ?? undefined),
    'alt+p': () => phoneRef.current?.focus(),
    'alt+c': () => contentRef.current?.focus(),
    'alt+1': () => a?.categories[0] && form.setFieldValue('categoryCode', a.categories[0].code),
    'alt+2': () => a?.categories[1] && form.setFieldValue('categoryCode', a.categories[1].code),
    'alt+3': () => a?.categories[2] && form.setFieldValue('categoryCode', a.categories[2].code),
  });
  // not while the ticket drawer is open over the result: Esc there closes the drawer, not the call
  useShortcuts(!!result && !viewId, { 'alt+n': newCall, escape: newCall });

  if (result) return <ResultPanel result={result} onNext={newCall} onOpen={() => setViewId(result.id)} viewer={<TicketDrawer id={viewId} onClose={() => setViewId(null)} />} />;

  return (
    <Form form={form} layout="vertical" initialValues={{ type: 'help', urgency: 'general' }} requiredMark={false} name="console" key={callKey}>
      <Row gutter={12}>
        <Col xs={24} lg={6}>
          <Card size="small" title={t('console.caller')} style={{ marginBottom: 12 }}>
            <Form.Item label={<>{t('field.phone')} <Kbd k="Alt+P" /></>} name="phone" rules={[{ required: true, message: t('console.phoneInvalid') }, phoneRule(t('console.phoneInvalid'))]} htmlFor="console-phone">
              <Input ref={phoneRef} autoFocus inputMode="tel" maxLength={20} id="console-phone" allowClear />
            </Form.Item>
            <Form.Item label={t('field.name')} name="name" htmlFor="console-name">
              <Input maxLength={50} id="console-name" />
            </Form.Item>
            <Space size={16}>
              <Form.Item label={t('ticket.anonymous')} name="anonymous" valuePropName="checked" style={{ marginBottom: 0 }}>
                <Switch size="small" />
              </Form.Item>
              <Form.Item label={t('ticket.confidential')} name="confidential" valuePropName="checked" style={{ marginBottom: 0 }}>
                <Switch size="small" />
              </Form.Item>
            </Space>
          </Card>
          <CallerHistory phone={phone} onOpen={setViewId} />
        </Col>
        <Col xs={24} lg={11}>
          <Card size="small" title={t('console.request')}>
            <Row gutter={8}>
              <Col span={12}>
                <Form.Item label={t('field.type')} name="type" htmlFor="console-type">
                  <Select id="console-type" options={REQUEST_TYPES.map((v) => ({ value: v, label: label('requestType', v) }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('field.urgency')} name="urgency" htmlFor="console-urgency">
                  <Select id="console-urgency" options={URGENCIES.map((v) => ({ value: v, label: label('urgency', v) }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label={<>{t('field.content')} <Kbd k="Alt+C" /></>} name="content" rules={[{ required: true, min: 2, message: t('act.min2') }]} htmlFor="console-content">
              <Input.TextArea ref={(r) => { contentRef.current = r?.resizableTextArea?.textArea ?? null; }} rows={6} maxLength={5000} showCount id="console-content" />
            </Form.Item>
            <Form.Item label={t('field.title')} name="title" htmlFor="console-title">
              <Input maxLength={100} placeholder={t('console.titleHint')} id="console-title" />
            </Form.Item>
            <Row gutter={8}>
              <Col span={12}>
                <Form.Item label={t('field.category')} name="categoryCode" htmlFor="console-category">
                  <CategorySelect id="console-category" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('field.unit')} extra={lead ? undefined : t('console.unitHint')} htmlFor="console-unit">
                  <UnitPicker value={lead?.id} suggested={a?.units ?? []} onChange={(id?: string) => setLead(id ? { id, name: a?.units.find((u) => u.id === id)?.name ?? '' } : null)} id="console-unit" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label={t('field.division')} style={{ marginBottom: 4 }}>
              {division?.name ? (
                <Tag closable onClose={() => setDivision(null)} color="blue" style={{ fontSize: 14, padding: '4px 8px', maxWidth: '100%' }}><PlaceTrail code={division.code} name={division.name} /></Tag>
              ) : (
                <DivisionPicker size="middle" onChange={(code) => setDivision(code ? { code } : null)} id="console-division" />
              )}
            </Form.Item>
            <Form.Item label={t('field.address')} name="address" htmlFor="console-address">
              <Input maxLength={200} id="console-address" />
            </Form.Item>
            {merge ? <Alert type="info" showIcon closable onClose={() => setMerge(null)} message={t('console.willMerge', { number: merge.number })} style={{ marginBottom: 8 }} /> : null}
            {create.error ? <Alert type="error" showIcon role="alert" message={errorText(create.error)} style={{ marginBottom: 8 }} /> : null}
            <Space wrap>
              <Button type="primary" size="large" onClick={() => submit(null)} loading={create.isPending && !finish} data-testid="console-create">
                {merge ? t('console.createMerge') : t('console.create')} <Kbd k="Ctrl+Enter" light />
              </Button>
              <Button onClick={() => openFinish('direct_answer')} data-testid="console-direct">{t('act.btn.direct_answer')} <Kbd k="Alt+D" /></Button>
              <Button onClick={() => openFinish('out_of_scope')} data-testid="console-oos">{t('act.btn.out_of_scope')} <Kbd k="Alt+O" /></Button>
              <Button danger onClick={() => openFinish('transfer', a?.urgency.transferTo ?? undefined)} data-testid="console-transfer">{t('console.transfer')} <Kbd k="Alt+T" /></Button>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={7}>
          <Suggestions
            data={a}
            loading={analysis.isFetching}
            categoryCode={categoryCode}
            leadUnitId={lead?.id}
            divisionCode={division?.code}
            mergeInto={merge?.id}
            onCategory={(c) => form.setFieldValue('categoryCode', c.code)}
            onUnit={(u) => setLead({ id: u.id, name: u.name })}
            onPlace={(p) => setDivision({ code: p.code, name: p.name })}
            onMerge={(d) => setMerge(d ? { id: d.id, number: d.number } : null)}
            onKb={(k) => openFinish('direct_answer', k.body)}
            onTransfer={(target) => openFinish('transfer', target)}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>{t('console.keys')}</Typography.Paragraph>
        </Col>
      </Row>
      <QueueCard queue="callback" titleKey="callback.title" introKey="callback.intro" only={CALLBACK_ACTIONS} />
      <FinishModal finish={finish} ask={finish?.kind === 'transfer' ? ask : undefined} pending={create.isPending} onCancel={() => setFinish(null)} onSubmit={submitFinish} />
      <TicketDrawer id={viewId} onClose={() => setViewId(null)} />
    </Form>
  );
}
