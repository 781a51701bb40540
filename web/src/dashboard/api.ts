// Rates and dashboards API calls (types from the shared contract).
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DivisionProfile, FormulasResponse, HotspotsByPlaceResponse, HotspotsResponse, PointsResponse, RankingResponse, RatesResponse, TrendResponse,
} from '../contract.ts';
import { api, itemsOf, type Query } from '../api/client.ts';

export type Rates = RatesResponse;
export type Trend = z.infer<typeof TrendResponse>;
export type Ranking = z.infer<typeof RankingResponse>;
export type PlaceHotspots = z.infer<typeof HotspotsByPlaceResponse>;
export type Formulas = z.infer<typeof FormulasResponse>;
export type Points = z.infer<typeof PointsResponse>;
export type Profile = DivisionProfile;
export type TextHotspots = z.infer<typeof HotspotsResponse>;
export type RateKey = 'response' | 'resolution' | 'satisfaction';

export interface GeoFeature {
  type: 'Feature';
  properties: { code?: string; name?: string; level?: number; adcode?: string | null } | null;
  geometry: unknown;
}
export interface GeoCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

export const reportsApi = {
  rates: (q: Query) => api.get<Rates>('/api/v1/reports/rates', q),
  trend: (q: Query) => api.get<Trend>('/api/v1/reports/trend', q),
  ranking: (q: Query) => api.get<Ranking>('/api/v1/reports/ranking', q),
  hotspotsByPlace: (q: Query) => api.get<PlaceHotspots>('/api/v1/reports/hotspots-by-place', q),
  points: (q: Query) => api.get<Points>('/api/v1/reports/points', q),
  formulas: () => api.get<Formulas>('/api/v1/reports/formulas'),
  profile: (code: string, q: Query) => api.get<Profile>(`/api/v1/divisions/${encodeURIComponent(code)}/profile`, q),
  divisionGeojson: (code: string) => api.get<GeoCollection>(`/api/v1/divisions/${encodeURIComponent(code)}/geojson`),
  putGeojson: (code: string, body: unknown) => api.put<unknown>(`/api/v1/admin/divisions/${encodeURIComponent(code)}/geojson`, body),
  textHotspots: (q: Query) => api.get<TextHotspots>('/api/v1/hotspots', q),
};

export function useFormulas() {
  return useQuery({ queryKey: ['reports', 'formulas'], queryFn: reportsApi.formulas, staleTime: 5 * 60_000 });
}

/** The deployment's city: descend the division tree from the top while there is a single child. */
export function useCityCode() {
  return useQuery({
    queryKey: ['reports', 'city'],
    staleTime: Infinity,
    queryFn: async () => {
      let parent: string | undefined;
      for (let i = 0; i < 4; i++) {
        const kids = itemsOf<{ code: string; level: number }>(await api.get<unknown>('/api/v1/divisions', { parent }));
        if (kids.length !== 1) break;
        parent = kids[0]!.code;
        if (kids[0]!.level >= 2) break;
      }
      return parent ?? null;
    },
  });
}

/** The static boundaries shipped in web/public/geo/<code>.json (null when there are none). */
export function useStaticGeo(code: string | null | undefined) {
  return useQuery({
    queryKey: ['geo', 'static', code],
    enabled: !!code,
    staleTime: Infinity,
    retry: false,
    queryFn: async () => {
      const res = await fetch(`/geo/${code}.json`);
      if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return null;
      return (await res.json()) as GeoCollection;
    },
  });
}

export const pct = (rate: number | null | undefined, digits = 1) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(digits)}%`);
