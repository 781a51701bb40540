// Admin: upload finer boundaries (e.g. a county's townships) as GeoJSON. Each feature is matched to
// a child division by properties.code / adcode / name and stored on that division; a single
// boundary is stored on the division itself.
import { App, Button, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { reportsApi } from './api.ts';
import { planGeoUpload, type Child } from './geo.ts';

export function GeoUpload({ code, children }: { code: string; children: Child[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  return (
    <Upload
      accept=".json,.geojson,application/json,application/geo+json"
      showUploadList={false}
      customRequest={async ({ file, onSuccess, onError }) => {
        try {
          const geo = JSON.parse(await (file as File).text());
          const plan = planGeoUpload(code, geo, children);
          for (const p of plan) await reportsApi.putGeojson(p.code, p.body);
          message.success(t('dash.geo.uploaded', { n: plan.length }));
          await qc.invalidateQueries({ queryKey: ['geo'] });
          await qc.invalidateQueries({ queryKey: ['reports', 'profile'] });
          onSuccess?.({});
        } catch (e) {
          message.error(e instanceof SyntaxError ? t('dash.geo.badFile') : errorText(e));
          onError?.(e as Error);
        }
      }}
    >
      <Button icon={<UploadOutlined />} data-testid="geo-upload">
        {t('dash.geo.upload')}
      </Button>
    </Upload>
  );
}
