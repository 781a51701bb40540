// Admin: upload finer boundaries (e.g. a county's townships) as GeoJSON. Each feature is matched to
// a child division by properties.code / adcode / name and stored on that division; a single
// boundary is stored on the division itself.
import { App, Button, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useErrorText } from '../api/errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { reportsApi, type GeoCollection, type GeoFeature } from './api.ts';

export interface Child {
  code: string;
  name: string;
}

export function planGeoUpload(code: string, geo: GeoCollection | GeoFeature | { type: string }, children: Child[]): { code: string; body: unknown }[] {
  if (geo.type !== 'FeatureCollection') return [{ code, body: geo }];
  const features = (geo as GeoCollection).features ?? [];
  const byCode = new Map(children.map((c) => [c.code, c.code]));
  const byName = new Map(children.map((c) => [c.name, c.code]));
  const out = new Map<string, GeoFeature[]>();
  for (const f of features) {
    const p = f.properties ?? {};
    const raw = String(p.code ?? p.adcode ?? '');
    const target = byCode.get(raw) ?? byCode.get(raw.padEnd(9, '0').slice(0, 9)) ?? (p.name ? byName.get(p.name) : undefined);
    if (!target) continue;
    out.set(target, [...(out.get(target) ?? []), f]);
  }
  if (!out.size) return [{ code, body: geo }];
  return [...out].map(([c, fs]) => ({ code: c, body: { type: 'FeatureCollection', features: fs } }));
}

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
