// The form fields each ticket action needs, and the body it sends (TransitionBody in the contract).
import { Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import type { TicketDetail, TransitionBody } from '../contract.ts';
import { SATISFACTION } from '../contract.ts';
import type { z } from 'zod';
import { useScopeRules, type UnitRef } from '../api/refdata.ts';
import { useI18n } from '../i18n/index.tsx';
import { UnitPicker } from './UnitPicker.tsx';
import { useMe } from '../api/auth.ts';
import { AttachmentUpload } from './AttachmentUpload.tsx';
import { TicketSearch } from './TicketSearch.tsx';
import { CategorySelect } from './CategorySelect.tsx';

export type Body = z.input<typeof TransitionBody>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Values = Record<string, any>;

/** Actions that need no input beyond an optional note. */
export const NOTE_ONLY = new Set(['sign', 'close', 'extension_approve', 'extension_deny']);

export function toBody(action: string, v: Values): Body {
  const note = v.note?.trim() || undefined;
  switch (action) {
    case 'direct_answer': return { action, text: v.text };
    case 'out_of_scope': return { action, ruleCode: v.ruleCode, note };
    case 'transfer': return { action, target: v.target, note };
    case 'dispatch': return { action, leadUnitId: v.leadUnitId, coUnitIds: v.coUnitIds?.length ? v.coUnitIds : undefined, categoryCode: v.categoryCode || undefined, note, basis: v.basis?.trim() || undefined };
    case 'redispatch': return { action, leadUnitId: v.leadUnitId, coUnitIds: v.coUnitIds?.length ? v.coUnitIds : undefined, categoryCode: v.categoryCode || undefined, note, basis: v.basis?.trim() || undefined };
    case 'progress': return { action, note: v.note, attachments: v.attachments?.length ? v.attachments : undefined, public: !!v.public };
    case 'pass_down': return { action, unitId: v.unitId, note };
    case 'reply': return { action, text: v.text, attachments: v.attachments?.length ? v.attachments : undefined };
    case 'return': return { action, reason: v.reason, basis: v.basis?.trim() || undefined };
    case 'extension_request': return { action, days: v.days, reason: v.reason };
    case 'supervise': return { action, level: v.level, note };
    case 'summon': return { action, unitIds: v.unitIds, note };
    case 'merge': return { action, masterId: v.masterId, note };
    case 'callback': return { action, resolved: v.resolved === 'yes', satisfaction: v.satisfaction, note };
    case 'reopen': return { action, reason: v.reason };
    case 'exclude': return { action, reason: v.reason };
    case 'note': return { action, note: v.note, attachments: v.attachments?.length ? v.attachments : undefined };
    default: return { action: action as 'sign', note };
  }
}

export function ActionFields({ action, ticket, suggested = [] }: { action: string; ticket?: TicketDetail; suggested?: UnitRef[] }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const rules = useScopeRules(action === 'out_of_scope');
  const req = [{ required: true, message: t('act.required') }];
  const min2 = [{ required: true, min: 2, message: t('act.min2') }];
  const noteField = (required = false) => (
    <Form.Item name="note" label={t('act.note')} rules={required ? req : undefined}>
      <Input.TextArea rows={3} maxLength={2000} />
    </Form.Item>
  );
  const attachments = (
    <Form.Item name="attachments" label={t('field.attachments')}>
      <AttachmentUpload />
    </Form.Item>
  );
  const exclude = ticket ? [ticket.leadUnitId ?? '', ...ticket.coUnits.map((u) => u.id)].filter(Boolean) : [];
  switch (action) {
    case 'direct_answer':
    case 'reply':
      return (
        <>
          <Form.Item name="text" label={t(action === 'reply' ? 'field.reply' : 'act.answer')} rules={min2}>
            <Input.TextArea rows={6} maxLength={5000} showCount autoFocus />
          </Form.Item>
          {action === 'reply' ? attachments : null}
        </>
      );
    case 'out_of_scope':
      return (
        <>
          <Form.Item name="ruleCode" label={t('act.rule')} rules={req}>
            <Select autoFocus loading={rules.isLoading} showSearch optionFilterProp="label"
              options={(rules.data ?? []).map((r) => ({ value: r.code, label: `${r.code} · ${locale === 'en' && r.titleEn ? r.titleEn : r.title}` }))} />
          </Form.Item>
          {noteField()}
        </>
      );
    case 'transfer':
      return (
        <>
          <Form.Item name="target" label={t('act.target')} rules={req} initialValue="110">
            <Radio.Group optionType="button" buttonStyle="solid" options={['110', '119', '120', 'expert'].map((v) => ({ value: v, label: t(`act.target.${v}`) }))} />
          </Form.Item>
          {noteField()}
        </>
      );
    case 'dispatch':
    case 'redispatch':
      return (
        <>
          {/* the first suggestion (★ in the queue) is chosen already: one Enter dispatches there */}
          <Form.Item name="leadUnitId" label={t('field.unit')} rules={action === 'redispatch' ? req : undefined} initialValue={suggested[0]?.id}>
            <UnitPicker suggested={suggested} autoFocus data-testid="lead-unit" />
          </Form.Item>
          <Form.Item name="coUnitIds" label={t('field.coUnits')}>
            <UnitPicker multiple />
          </Form.Item>
          {/* set or correct the category with the dispatch: the final category is what the classifier learns */}
          <Form.Item name="categoryCode" label={t('field.category')} initialValue={ticket?.categoryCode ?? undefined} extra={t('act.categoryHint')}>
            <CategorySelect id="action-category" />
          </Form.Item>
          <Form.Item name="basis" label={t('act.basis')} extra={t('act.basisHint')}>
            <Input maxLength={2000} />
          </Form.Item>
          {noteField()}
        </>
      );
    case 'progress':
      return (
        <>
          {noteField(true)}
          {attachments}
          <Form.Item name="public" label={t('act.publicToCitizen')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      );
    case 'pass_down':
      return (
        <>
          <Form.Item name="unitId" label={t('act.subUnit')} rules={req}>
            <UnitPicker exclude={ticket?.leadUnitId ? [ticket.leadUnitId] : []} under={me.data?.unitId ?? undefined} autoFocus />
          </Form.Item>
          {noteField()}
        </>
      );
    case 'return':
      return (
        <>
          <Form.Item name="reason" label={t('act.reason')} rules={min2}>
            <Input.TextArea rows={3} maxLength={2000} autoFocus />
          </Form.Item>
          <Form.Item name="basis" label={t('act.basis')}>
            <Input maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'extension_request':
      return (
        <>
          <Form.Item name="days" label={t('act.days')} rules={req} initialValue={3}>
            <InputNumber min={1} max={60} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="reason" label={t('act.reason')} rules={min2}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'supervise':
      return (
        <>
          <Form.Item name="level" label={t('act.level')} rules={req} initialValue={1}>
            <Radio.Group options={[{ value: 1, label: t('act.level1') }, { value: 2, label: t('act.level2') }]} />
          </Form.Item>
          {noteField()}
        </>
      );
    case 'summon':
      return (
        <>
          <Form.Item name="unitIds" label={t('act.summonUnits')} rules={req}>
            <UnitPicker multiple exclude={exclude} autoFocus />
          </Form.Item>
          {noteField()}
        </>
      );
    case 'merge':
      return (
        <>
          <Form.Item name="masterId" label={t('act.master')} rules={req}>
            <TicketSearch excludeId={ticket?.id} />
          </Form.Item>
          {noteField()}
        </>
      );
    case 'callback':
      return (
        <>
          <Form.Item name="resolved" label={t('act.resolved')} rules={req}>
            <Radio.Group optionType="button" options={[{ value: 'yes', label: t('act.yes') }, { value: 'no', label: t('act.no') }]} />
          </Form.Item>
          <Form.Item name="satisfaction" label={t('field.satisfaction')} rules={req}>
            <Radio.Group optionType="button" options={SATISFACTION.map((s) => ({ value: s, label: t(`sat.${s}`) }))} />
          </Form.Item>
          {noteField()}
        </>
      );
    case 'reopen':
    case 'exclude':
      return (
        <Form.Item name="reason" label={t('act.reason')} rules={min2}>
          <Input.TextArea rows={3} maxLength={2000} autoFocus />
        </Form.Item>
      );
    case 'note':
      return (
        <>
          {noteField(true)}
          {attachments}
        </>
      );
    default:
      return noteField();
  }
}
