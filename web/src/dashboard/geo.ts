// Splitting an uploaded GeoJSON into per-division boundaries (pure, tested in geo.test.ts).
import type { GeoCollection, GeoFeature } from './api.ts';

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
