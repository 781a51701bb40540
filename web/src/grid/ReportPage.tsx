// Grid worker, on a phone: report what was found on patrol (text, photos, place picked or located),
// and close it on the spot when it was solved there (直办).
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Result, Space, Switch, Typography } from 'antd';
import { AimOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ticketsApi, type CreateTicketResult } from '../api/tickets.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { AttachmentUpload } from '../components/AttachmentUpload.tsx';
import { CategorySelect } from '../components/CategorySelect.tsx';
import { DivisionPicker } from '../components/DivisionPicker.tsx';

const PHONE_KEY = 'lx.grid.phone';
const storedPhone = () => {
  try {
    return localStorage.getItem(PHONE_KEY) ?? '';
  } catch {
    return '';
  }
};

interface Values {
  content: string;
  categoryCode?: string;
  address?: string;
  phone: string;
  solvedOnSite: boolean;
  onSiteResult?: string;
}

export function ReportPage({ onDone }: { onDone?: () => void }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [division, setDivision] = useState<string | undefined>();
  const [pickerKey, setPickerKey] = useState(0);
  const [photos, setPhotos] = useState<string[]>([]);
  const [uploadKey, setUploadKey] = useState(0);
  const [coords, setCoords] = useState<{ lat: number; lng: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState<string | null>(null);
  const [done, setDone] = useState<CreateTicketResult | null>(null);
  const submit = useMutation({
    mutationFn: (v: Values) => {
      try {
        localStorage.setItem(PHONE_KEY, v.phone);
      } catch {
        /* storage unavailable */
      }
      return ticketsApi.create({
        content: v.content,
        categoryCode: v.categoryCode,
        divisionCode: division,
        address: v.address || undefined,
        lat: coords?.lat,
        lng: coords?.lng,
        channel: 'grid',
        contact: { phone: v.phone },
        attachments: photos.length ? photos : undefined,
        solvedOnSite: v.solvedOnSite || undefined,
        onSiteResult: v.solvedOnSite ? v.onSiteResult?.trim() : undefined,
      });
    },
    onSuccess: async (res) => {
      setDone(res);
      await qc.invalidateQueries({ queryKey: ['tickets', 'grid'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const locate = () => {
    if (!('geolocation' in navigator)) return setGeoError(t('grid.geo.unsupported'));
    setLocating(true);
    setGeoError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setCoords({ lat: Math.round(pos.coords.latitude * 1e6) / 1e6, lng: Math.round(pos.coords.longitude * 1e6) / 1e6 });
      },
      () => {
        setLocating(false);
        setGeoError(t('grid.geo.failed'));
      },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };
  const again = () => {
    setDone(null);
    setPhotos([]);
    setCoords(null);
    setUploadKey((k) => k + 1);
    setPickerKey((k) => k + 1);
    setDivision(undefined);
    form.resetFields();
  };
  // back on the form after a report (继续上报): the worker's phone is there again
  useEffect(() => {
    if (!done && !form.getFieldValue('phone')) form.setFieldsValue({ phone: storedPhone() });
  }, [done, form]);
  if (done) {
    const closed = done.status === 'closed';
    return (
      <Result
        status="success"
        icon={<CheckCircleOutlined />}
        title={closed ? t('grid.done.closed') : t('grid.done.reported')}
        subTitle={
          <Space direction="vertical">
            <Typography.Text copyable strong style={{ fontSize: 18 }} data-testid="grid-result-number">
              {done.number}
            </Typography.Text>
            <span data-testid="grid-result-status">{label('status', done.status)}</span>
            {done.leadUnit ? <span>{t('grid.done.unit', { name: done.leadUnit.name })}</span> : null}
          </Space>
        }
        extra={[
          <Button key="again" type="primary" size="large" block onClick={again} data-testid="grid-again">
            {t('grid.again')}
          </Button>,
          <Button key="mine" size="large" block style={{ marginTop: 8 }} onClick={() => (again(), onDone?.())}>
            {t('grid.tab.mine')}
          </Button>,
        ]}
      />
    );
  }
  return (
    <Card size="small" styles={{ body: { padding: 12 } }}>
      <Form<Values> form={form} layout="vertical" initialValues={{ phone: storedPhone(), solvedOnSite: false }} onFinish={(v) => submit.mutate(v)} requiredMark={false}>
        <Form.Item name="content" label={t('grid.content')} htmlFor="grid-content" rules={[{ required: true, min: 2, message: t('grid.content.required') }]}>
          <Input.TextArea id="grid-content" rows={4} maxLength={5000} placeholder={t('grid.content.placeholder')} />
        </Form.Item>
        <Form.Item label={t('grid.photos')}>
          <AttachmentUpload key={uploadKey} photo onChange={setPhotos} id="grid-photos" />
        </Form.Item>
        <Form.Item label={t('grid.place')} style={{ marginBottom: 0 }} extra={t('grid.place.default')}>
          <DivisionPicker key={pickerKey} id="grid-division" onChange={setDivision} />
        </Form.Item>
        <Button icon={<AimOutlined />} onClick={locate} loading={locating} block size="large" style={{ marginBottom: 8 }} data-testid="grid-locate">
          {coords ? t('grid.geo.got', { lat: coords.lat, lng: coords.lng }) : t('grid.geo.use')}
        </Button>
        {geoError ? <Alert type="warning" showIcon message={geoError} style={{ marginBottom: 8 }} /> : null}
        <Form.Item name="address" label={t('field.address')} htmlFor="grid-address">
          <Input id="grid-address" size="large" maxLength={200} />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('field.category')} htmlFor="grid-category">
          <CategorySelect id="grid-category" placeholder={t('grid.category.placeholder')} />
        </Form.Item>
        <Form.Item name="phone" label={t('grid.phone')} htmlFor="grid-phone" rules={[{ required: true, pattern: /^[0-9+\- ]{5,20}$/, message: t('grid.phone.required') }]}>
          <Input id="grid-phone" size="large" inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item name="solvedOnSite" valuePropName="checked" label={t('grid.solved')} htmlFor="grid-solved" extra={t('grid.solved.hint')}>
          <Switch id="grid-solved" />
        </Form.Item>
        {/* 直办 closes the ticket: what was done is its answer, so it must be said */}
        <Form.Item noStyle shouldUpdate={(a, b) => a.solvedOnSite !== b.solvedOnSite}>
          {({ getFieldValue }) =>
            getFieldValue('solvedOnSite') ? (
              <Form.Item name="onSiteResult" label={t('grid.solved.result')} htmlFor="grid-onsite-result" rules={[{ required: true, whitespace: true, min: 2, message: t('grid.solved.resultRequired') }]}>
                <Input.TextArea id="grid-onsite-result" rows={2} maxLength={2000} placeholder={t('grid.solved.resultPlaceholder')} />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} style={{ height: 48 }} data-testid="grid-submit">
          {t('grid.submit')}
        </Button>
      </Form>
    </Card>
  );
}
