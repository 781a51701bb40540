// Rates and dashboards API: rates by unit/month/division, trend, ranking, hotspots by place,
// the published formulas (admin may change them), ticket points for the map, 一村一档 profiles.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { assertAdmin, reportScope } from '../auth/policy.ts';
import { DivisionCode } from '../contract/divisions.ts';
import {
  DivisionProfile, FormulasResponse, HotspotsByPlaceQuery, HotspotsByPlaceResponse, KeySitesBody, PointsQuery, PointsResponse,
  ProfileQuery, RankingQuery, RankingResponse, RatesConfig, RatesConfigPatch, RatesQuery, RatesResponse, TrendQuery, TrendResponse,
} from '../contract/reports.ts';
import { formulaTexts, loadRatesConfig, saveRatesConfig } from './formulas.ts';
import { getHotspotsByPlace, getRanking, getRates, getTicketPoints, getTrend } from './rates.ts';
import { getDivisionProfile, listKeySites, setKeySites } from './profile.ts';

const CodeParams = z.object({ code: DivisionCode });

export async function reportRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  r.get('/api/v1/reports/rates', { schema: { tags, querystring: RatesQuery, response: { 200: RatesResponse } } },
    async (req) => getRates(deps, req.actor, req.query));
  r.get('/api/v1/reports/trend', { schema: { tags, querystring: TrendQuery, response: { 200: TrendResponse } } },
    async (req) => getTrend(deps, req.actor, req.query));
  r.get('/api/v1/reports/ranking', { schema: { tags, querystring: RankingQuery, response: { 200: RankingResponse } } },
    async (req) => getRanking(deps, req.actor, req.query));
  r.get('/api/v1/reports/hotspots-by-place', { schema: { tags, querystring: HotspotsByPlaceQuery, response: { 200: HotspotsByPlaceResponse } } },
    async (req) => getHotspotsByPlace(deps, req.actor, req.query));
  r.get('/api/v1/reports/points', { schema: { tags, querystring: PointsQuery, response: { 200: PointsResponse } } },
    async (req) => getTicketPoints(deps, req.actor, req.query));
  r.get('/api/v1/reports/formulas', { schema: { tags, response: { 200: FormulasResponse } } }, async (req) => {
    reportScope(req.actor);
    const config = await loadRatesConfig(deps);
    return { config, formulas: formulaTexts(config) };
  });
  r.get('/api/v1/admin/settings/rates', { schema: { tags, response: { 200: RatesConfig } } }, async (req) => {
    assertAdmin(req.actor);
    return loadRatesConfig(deps);
  });
  r.put('/api/v1/admin/settings/rates', { schema: { tags, body: RatesConfigPatch, response: { 200: FormulasResponse } } }, async (req) => {
    assertAdmin(req.actor);
    const config = await saveRatesConfig(deps, req.body);
    return { config, formulas: formulaTexts(config) };
  });
  r.get('/api/v1/divisions/:code/profile', { schema: { tags: ['divisions', ...tags], params: CodeParams, querystring: ProfileQuery, response: { 200: DivisionProfile } } },
    async (req) => getDivisionProfile(deps, req.actor, req.params.code, req.query));
  r.get('/api/v1/divisions/:code/key-sites', { schema: { tags: ['divisions'], params: CodeParams, response: { 200: KeySitesBody } } }, async (req) => {
    reportScope(req.actor);
    return { items: await listKeySites(deps, req.params.code) };
  });
  r.put('/api/v1/admin/divisions/:code/key-sites', { schema: { tags: ['divisions'], params: CodeParams, body: KeySitesBody, response: { 200: KeySitesBody } } },
    async (req) => setKeySites(deps, req.actor, req.params.code, req.body.items));
}
