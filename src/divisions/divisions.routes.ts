// Places API: public reads (the citizen H5 picks street → village), admin grids and boundaries.
import { pageOf, paged } from '../contract/common.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { assertAdmin } from '../auth/policy.ts';
import {
  Division, DivisionChild, DivisionChildrenQuery, DivisionCode, DivisionDetail, DivisionPage, DivisionPatch, DivisionSearchQuery, GeoJsonBody, GridBody,
} from '../contract/divisions.ts';
import { addGrid, divisionGeojson, getDivision, listChildren, patchDivision, searchDivisionNames, setDivisionGeojson } from './divisions.ts';

const CodeParams = z.object({ code: DivisionCode });

export async function divisionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['divisions'];
  r.get('/api/v1/divisions', { schema: { tags, querystring: DivisionChildrenQuery, response: { 200: paged(DivisionChild) } } },
    async (req) => pageOf(await listChildren(deps, req.query.parent ?? null), req.query));
  r.get('/api/v1/divisions/search', { schema: { tags, querystring: DivisionSearchQuery, response: { 200: DivisionPage } } },
    async (req) => searchDivisionNames(deps, req.query));
  r.get('/api/v1/divisions/:code', { schema: { tags, params: CodeParams, response: { 200: DivisionDetail } } },
    async (req) => getDivision(deps, req.params.code));
  r.get('/api/v1/divisions/:code/geojson', { schema: { tags, params: CodeParams } },
    async (req) => divisionGeojson(deps, req.params.code));
  r.put('/api/v1/admin/divisions/:code/geojson', { schema: { tags, params: CodeParams, body: GeoJsonBody } }, async (req) => {
    assertAdmin(req.actor);
    return setDivisionGeojson(deps, req.params.code, req.body);
  });
  r.patch('/api/v1/admin/divisions/:code', { schema: { tags, params: CodeParams, body: DivisionPatch, response: { 200: Division } } }, async (req) => {
    assertAdmin(req.actor);
    return patchDivision(deps, req.params.code, req.body);
  });
  r.post('/api/v1/admin/divisions/:code/grids', { schema: { tags, params: CodeParams, body: GridBody, response: { 201: Division } } }, async (req, reply) => {
    assertAdmin(req.actor);
    const grid = await addGrid(deps, req.params.code, req.body);
    return reply.code(201).send(grid);
  });
}
