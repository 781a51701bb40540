// The shipped county boundaries and how an uploaded GeoJSON is split over child divisions.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { planGeoUpload } from './geo.ts';

describe('boundaries', () => {
  it('web/public/geo/3509.json is plain GeoJSON: the 9 counties of 宁德市 with names and adcodes', () => {
    const geo = JSON.parse(readFileSync(fileURLToPath(new URL('../../public/geo/3509.json', import.meta.url)), 'utf8'));
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(9);
    for (const f of geo.features) {
      expect(f.type).toBe('Feature');
      expect(f.properties.adcode).toMatch(/^3509\d\d$/);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
    expect(geo.features.find((f: { properties: { adcode: string } }) => f.properties.adcode === '350926').properties.name).toBe('柘荣县');
  });

  it('an upload is split over child divisions by code, adcode or name; otherwise kept whole', () => {
    const kids = [{ code: '350926100', name: '双城镇' }, { code: '350926101', name: '富溪镇' }];
    const f = (props: Record<string, unknown>) => ({ type: 'Feature' as const, properties: props, geometry: { type: 'Polygon', coordinates: [] } });
    const plan = planGeoUpload('350926', { type: 'FeatureCollection', features: [f({ name: '双城镇' }), f({ code: '350926101' }), f({ name: '别处' })] }, kids);
    expect(plan.map((p) => p.code)).toEqual(['350926100', '350926101']);
    expect(planGeoUpload('350926', { type: 'FeatureCollection', features: [f({ name: '别处' })] }, kids)[0]!.code).toBe('350926');
    expect(planGeoUpload('350926', { type: 'Polygon' }, kids)).toEqual([{ code: '350926', body: { type: 'Polygon' } }]);
  });
});
