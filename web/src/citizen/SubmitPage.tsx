// 我要反映: what, where (division tree or GPS), photos, phone, name or anonymous, confidential.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio, Switch, Typography } from 'antd';
import { AimOutlined, CheckCircleFilled, CopyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { REQUEST_TYPES, isCallablePhone, type RequestType } from '../contract.ts';
import { ticketsApi, type CreateTicketResult } from '../api/tickets.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { DivisionPicker } from '../components/DivisionPicker.tsx';
import { AttachmentUpload } from '../components/AttachmentUpload.tsx';
import { rememberTicket } from './recent.ts';

interface Values {
  type: RequestType;
  title?: string;
  content: string;
  address?: string;
  phone: string;
  name?: string;
}

export function SubmitPage() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [division, setDivision] = useState<string>();
  const [pickerKey, setPickerKey] = useState(0);
  const [attachments, setAttachments] = useState<string[]>([]);
  const [uploadKey, setUploadKey] = useState(0);
  const [anonymous, setAnonymous] = useState(false);
  const [confidential, setConfidential] = useState(false);
  const [coords, setCoords] = useState<{ lat: number; lng: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState<string | null>(null);
  const [done, setDone] = useState<{ result: CreateTicketResult; last4: string } | null>(null);

  const create = useMutation({
    mutationFn: (v: Values) =>
      ticketsApi.create({
        channel: 'h5',
        type: v.type,
        title: v.title?.trim() || undefined,
        content: v.content,
        divisionCode: division,
        address: v.address?.trim() || undefined,
        ...(coords ?? {}),
        attachments: attachments.length ? attachments : undefined,
        contact: { phone: v.phone.trim(), name: anonymous ? undefined : v.name?.trim() || undefined, anonymous, confidential },
      }),
    onSuccess: (result, v) => {
      const last4 = v.phone.replace(/\D/g, '').slice(-4);
      rememberTicket({ number: result.number, last4 });
      setDone({ result, last4 });
      window.scrollTo({ top: 0 });
    },
  });

  const locate = () => {
    if (!('geolocation' in navigator)) return setGeoError(t('citizen.geo.unsupported'));
    setLocating(true);
    setGeoError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setCoords({ lat: Math.round(pos.coords.latitude * 1e6) / 1e6, lng: Math.round(pos.coords.longitude * 1e6) / 1e6 });
      },
      () => {
        setLocating(false);
        setGeoError(t('citizen.geo.failed'));
      },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };

  const again = () => {
    setDone(null);
    form.resetFields();
    setDivision(undefined);
    setPickerKey((k) => k + 1);
    setAttachments([]);
    setUploadKey((k) => k + 1);
    setCoords(null);
    create.reset();
  };

  if (done) {
    const { number } = done.result;
    return (
      <Card style={{ textAlign: 'center' }} data-testid="submit-done">
        <CheckCircleFilled style={{ fontSize: 48, color: '#389e0d' }} />
        <Typography.Title level={3} style={{ marginTop: 12 }}>{t('citizen.done.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('citizen.done.keep')}</Typography.Paragraph>
        <div style={{ fontSize: 26, fontWeight: 700, letterSpacing: 1, fontFamily: 'ui-monospace, monospace', wordBreak: 'break-all' }} data-testid="ticket-number">
          {number}
        </div>
        <Button
          size="large"
          icon={<CopyOutlined />}
          style={{ marginTop: 12 }}
          onClick={() => navigator.clipboard?.writeText(number).then(() => message.success(t('common.copied')), () => message.info(number))}
        >
          {t('common.copy')}
        </Button>
        {done.result.callNow && (
          <Alert type="error" showIcon style={{ marginTop: 16, textAlign: 'left' }} data-testid="done-call-now"
            message={<a href={`tel:${done.result.callNow}`}>{t('citizen.done.callNow', { number: done.result.callNow })}</a>}
            description={done.result.callNow === '119' ? t('citizen.done.callNow.119') : undefined} />
        )}
        <Typography.Paragraph style={{ marginTop: 16 }}>
          {done.result.leadUnit ? t('citizen.done.unit', { unit: done.result.leadUnit.name }) : t('citizen.done.next')}
        </Typography.Paragraph>
        <Link to={`/track/${number}`} state={{ last4: done.last4 }}>
          <Button type="primary" size="large" block>{t('citizen.done.track')}</Button>
        </Link>
        <Button type="link" size="large" block onClick={again} style={{ marginTop: 8 }}>
          {t('citizen.done.again')}
        </Button>
      </Card>
    );
  }

  return (
    <Card title={t('citizen.submit.title')} styles={{ body: { paddingTop: 8 } }}>
      <Typography.Paragraph type="secondary">{t('citizen.submit.intro')}</Typography.Paragraph>
      <Alert type="warning" showIcon message={t('citizen.submit.emergency')} style={{ marginBottom: 16 }} data-testid="submit-emergency" />
      <Form form={form} layout="vertical" size="large" onFinish={(v) => create.mutate(v)} initialValues={{ type: 'help' }} requiredMark="optional" name="submit">
        <Form.Item label={t('field.type')} name="type" rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
            options={REQUEST_TYPES.map((v) => ({ value: v, label: label('requestType', v) }))} />
        </Form.Item>
        <Form.Item label={t('field.content')} name="content" rules={[{ required: true, min: 2, message: t('citizen.submit.contentRequired') }]} htmlFor="submit-content">
          <Input.TextArea rows={5} maxLength={5000} showCount placeholder={t('citizen.submit.contentHint')} id="submit-content" />
        </Form.Item>
        <Form.Item label={t('field.title')} name="title" tooltip={t('common.optional')}>
          <Input maxLength={100} placeholder={t('citizen.submit.titleHint')} />
        </Form.Item>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('citizen.submit.where')}</legend>
          <DivisionPicker key={pickerKey} onChange={setDivision} id="submit-division" />
          <Form.Item label={t('field.address')} name="address">
            <Input maxLength={200} placeholder={t('citizen.submit.addressHint')} />
          </Form.Item>
          <Button icon={<AimOutlined />} onClick={locate} loading={locating} block style={{ marginBottom: 8 }} data-testid="use-location">
            {coords ? t('citizen.geo.got', { lat: coords.lat, lng: coords.lng }) : t('citizen.geo.use')}
          </Button>
          {geoError ? <Alert type="warning" showIcon message={geoError} style={{ marginBottom: 8 }} /> : null}
        </fieldset>
        <Form.Item label={t('citizen.submit.photos')} extra={t('upload.hint')} htmlFor="submit-photos">
          <AttachmentUpload key={uploadKey} photo onChange={setAttachments} id="submit-photos" />
        </Form.Item>
        <Form.Item
          label={t('field.phone')}
          name="phone"
          extra={t('citizen.submit.phoneHint')}
          rules={[{ required: true, message: t('citizen.submit.phoneInvalid') }, { validator: (_r, v: string | undefined) => (!v || isCallablePhone(v) ? Promise.resolve() : Promise.reject(new Error(t('citizen.submit.phoneInvalid')))) }]} htmlFor="submit-phone">
          <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={20} id="submit-phone" />
        </Form.Item>
        <Form.Item label={t('citizen.submit.anonymous')} extra={t('citizen.submit.anonymousHint')}>
          <Switch checked={anonymous} onChange={setAnonymous} aria-label={t('citizen.submit.anonymous')} />
        </Form.Item>
        {anonymous ? null : (
          <Form.Item label={t('field.name')} name="name" htmlFor="submit-name">
            <Input maxLength={50} autoComplete="name" id="submit-name" />
          </Form.Item>
        )}
        <Form.Item label={t('citizen.submit.confidential')} extra={t('citizen.submit.confidentialHint')}>
          <Switch checked={confidential} onChange={setConfidential} aria-label={t('citizen.submit.confidential')} />
        </Form.Item>
        {create.error ? <Alert type="error" showIcon message={errorText(create.error)} style={{ marginBottom: 12 }} role="alert" /> : null}
        <Button type="primary" htmlType="submit" block size="large" loading={create.isPending} style={{ height: 52, fontSize: 17 }} data-testid="submit-ticket">
          {t('citizen.submit.send')}
        </Button>
      </Form>
    </Card>
  );
}
