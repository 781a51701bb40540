// Units, categories, whitelists, routing rules and the routing tester.
import { pageOf } from '../contract/common.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { assertAdmin, assertStaff } from '../auth/policy.ts';
import {
  Category, CategoryCode, CategoryCreate, CategoryPatch, CategoryQuery, Id, RoutingRule, RoutingRuleCreate, RoutingRulePage,
  RoutingRulePatch, RoutingRuleQuery, RoutingTestBody, RoutingTestResult, UnitCreate, UnitDetail, UnitPage, UnitPatch, UnitQuery, WhitelistBody,
} from '../contract/orgs.ts';
import { createUnit, getUnit, listUnitsPage, setWhitelist, updateUnit } from './units.ts';
import { categoryTree, createCategory, listCategories, patchCategory } from './categories.ts';
import { createRoutingRule, getRoutingRule, listRoutingRules, patchRoutingRule, removeRoutingRule, testRouting } from './routing-rules.ts';

const IdParams = z.object({ id: Id });
const CodeParams = z.object({ code: CategoryCode });
const Ok = z.object({ ok: z.boolean() });

export async function orgRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const units = ['units'];
  r.get('/api/v1/units', { schema: { tags: units, querystring: UnitQuery, response: { 200: UnitPage } } }, async (req) => {
    assertStaff(req.actor);
    return listUnitsPage(deps, req.query);
  });
  r.get('/api/v1/units/:id', { schema: { tags: units, params: IdParams, response: { 200: UnitDetail } } }, async (req) => {
    assertStaff(req.actor);
    return getUnit(deps, req.params.id);
  });
  r.post('/api/v1/admin/units', { schema: { tags: units, body: UnitCreate, response: { 201: UnitDetail } } }, async (req, reply) => {
    assertAdmin(req.actor);
    return reply.code(201).send(await createUnit(deps, req.body));
  });
  r.patch('/api/v1/admin/units/:id', { schema: { tags: units, params: IdParams, body: UnitPatch, response: { 200: UnitDetail } } }, async (req) => {
    assertAdmin(req.actor);
    return updateUnit(deps, req.params.id, req.body);
  });
  r.put('/api/v1/admin/units/:id/whitelist', { schema: { tags: units, params: IdParams, body: WhitelistBody } }, async (req) => {
    assertAdmin(req.actor);
    return { items: await setWhitelist(deps, req.params.id, req.body.categoryCodes) };
  });

  const cats = ['categories'];
  r.get('/api/v1/categories', { schema: { tags: cats, querystring: CategoryQuery } }, async (req) => {
    const includeInactive = !!req.query.includeInactive && req.actor?.role === 'admin';
    // the tree pages over its top-level categories, the flat list over all
    return pageOf<unknown>(req.query.flat ? await listCategories(deps, { includeInactive }) : await categoryTree(deps, { includeInactive }), req.query);
  });
  r.post('/api/v1/admin/categories', { schema: { tags: cats, body: CategoryCreate, response: { 201: Category } } }, async (req, reply) => {
    assertAdmin(req.actor);
    return reply.code(201).send(await createCategory(deps, req.body));
  });
  r.patch('/api/v1/admin/categories/:code', { schema: { tags: cats, params: CodeParams, body: CategoryPatch, response: { 200: Category } } }, async (req) => {
    assertAdmin(req.actor);
    return patchCategory(deps, req.params.code, req.body);
  });

  const rules = ['routing'];
  r.get('/api/v1/admin/routing-rules', { schema: { tags: rules, querystring: RoutingRuleQuery, response: { 200: RoutingRulePage } } }, async (req) => {
    assertAdmin(req.actor);
    return listRoutingRules(deps, req.query);
  });
  r.get('/api/v1/admin/routing-rules/:id', { schema: { tags: rules, params: IdParams, response: { 200: RoutingRule } } }, async (req) => {
    assertAdmin(req.actor);
    return getRoutingRule(deps, req.params.id);
  });
  r.post('/api/v1/admin/routing-rules', { schema: { tags: rules, body: RoutingRuleCreate, response: { 201: RoutingRule } } }, async (req, reply) => {
    assertAdmin(req.actor);
    return reply.code(201).send(await createRoutingRule(deps, req.body));
  });
  r.patch('/api/v1/admin/routing-rules/:id', { schema: { tags: rules, params: IdParams, body: RoutingRulePatch, response: { 200: RoutingRule } } }, async (req) => {
    assertAdmin(req.actor);
    return patchRoutingRule(deps, req.params.id, req.body);
  });
  r.delete('/api/v1/admin/routing-rules/:id', { schema: { tags: rules, params: IdParams, response: { 200: Ok } } }, async (req) => {
    assertAdmin(req.actor);
    return removeRoutingRule(deps, req.params.id);
  });
  r.post('/api/v1/routing/test', { schema: { tags: rules, body: RoutingTestBody, response: { 200: RoutingTestResult } } }, async (req) => {
    assertStaff(req.actor);
    return testRouting(deps, req.body);
  });
}
