// 评价: resolved? and satisfaction; an unsatisfied rating sends the matter back for another round.
import { Alert, Button, Card, Form, Input, Radio } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SATISFACTION, type Satisfaction } from '../contract.ts';
import { ticketsApi } from '../api/tickets.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';

interface Values {
  resolved: 'yes' | 'no';
  satisfaction: Satisfaction;
  comment?: string;
}

export function RateForm({ number, last4, onRated }: { number: string; last4: string; onRated: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const rate = useMutation({
    mutationFn: (v: Values) =>
      ticketsApi.rate(number, { phone: last4, resolved: v.resolved === 'yes', satisfaction: v.satisfaction, comment: v.comment?.trim() || undefined }),
    onSuccess: (data) => {
      onRated();
      qc.setQueryData(['track', number, last4], data);
    },
  });
  return (
    <Card size="small" title={t('citizen.rate.title')} style={{ marginTop: 12, borderColor: '#c8102e' }} data-testid="rate-form">
      <Form layout="vertical" size="large" onFinish={(v: Values) => rate.mutate(v)} requiredMark={false} name="rate">
        <Form.Item label={t('citizen.rate.resolved')} name="resolved" rules={[{ required: true, message: t('citizen.rate.pick') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={[
            { value: 'yes', label: t('citizen.rate.yes') },
            { value: 'no', label: t('citizen.rate.no') },
          ]} />
        </Form.Item>
        <Form.Item label={t('field.satisfaction')} name="satisfaction" rules={[{ required: true, message: t('citizen.rate.pick') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
            options={SATISFACTION.map((s) => ({ value: s, label: t(`citizen.rate.${s}`) }))} />
        </Form.Item>
        <Form.Item label={t('citizen.rate.comment')} name="comment">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        {rate.error ? <Alert type="error" showIcon role="alert" message={errorText(rate.error)} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={rate.isPending} data-testid="rate-submit">
          {t('citizen.rate.send')}
        </Button>
      </Form>
    </Card>
  );
}
