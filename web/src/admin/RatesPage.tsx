// Rate formula settings: what counts for 响应率 / 解决率 / 满意率, with the published text.
import { Alert, App, Card, Descriptions, Form, Radio, Skeleton, Switch } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RatesConfig } from '../contract.ts';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { adminApi } from './api.ts';

export function RatesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['reports', 'formulas'], queryFn: adminApi.formulas });
  const save = useMutation({
    mutationFn: (patch: Partial<RatesConfig>) => adminApi.putRates(patch),
    onSuccess: async (data) => {
      qc.setQueryData(['reports', 'formulas'], data);
      await qc.invalidateQueries({ queryKey: ['reports'] });
      message.success(t('common.done'));
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (q.isLoading) return <Skeleton active />;
  if (q.error || !q.data) return <Alert type="error" showIcon message={errorText(q.error)} />;
  const c = q.data.config;
  const f = q.data.formulas;
  return (
    <Card size="small" title={t('admin.rates.title')}>
      <Form layout="horizontal" labelCol={{ span: 8 }} wrapperCol={{ span: 16 }} style={{ maxWidth: 760 }}>
        <Form.Item label={t('admin.rates.basic')} htmlFor="rates-basic">
          <Switch id="rates-basic" checked={c.basicCountsAsSatisfied} loading={save.isPending} onChange={(v) => save.mutate({ basicCountsAsSatisfied: v })} />
        </Form.Item>
        <Form.Item label={t('admin.rates.excluded')} htmlFor="rates-excluded">
          <Switch id="rates-excluded" checked={c.includeExcluded} loading={save.isPending} onChange={(v) => save.mutate({ includeExcluded: v })} />
        </Form.Item>
        <Form.Item label={t('admin.rates.resolutionScope')}>
          <Radio.Group value={c.resolutionScope} onChange={(e) => save.mutate({ resolutionScope: e.target.value })} aria-label={t('admin.rates.resolutionScope')}>
            <Radio value="closed">{t('admin.rates.scope.closed')}</Radio>
            <Radio value="rated">{t('admin.rates.scope.rated')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('admin.rates.basis')}>
          <Radio.Group value={c.ratingBasis} onChange={(e) => save.mutate({ ratingBasis: e.target.value })} aria-label={t('admin.rates.basis')}>
            <Radio value="last">{t('admin.rates.basis.last')}</Radio>
            <Radio value="first">{t('admin.rates.basis.first')}</Radio>
          </Radio.Group>
        </Form.Item>
      </Form>
      <Descriptions title={t('admin.rates.published')} column={1} size="small" bordered>
        {(['response', 'resolution', 'satisfaction', 'dispatchAccuracy', 'autoShare', 'autoPrecision', 'period'] as const).map((k) => (
          <Descriptions.Item key={k} label={t(`admin.rates.f.${k}`)}>
            <span data-testid={`published-${k}`}>{f[k][locale]}</span>
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}
