// Users administration, out-of-scope rules and the knowledge base.
import { ReferencePage, pageOf, paged } from '../contract/common.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { assertAdmin, assertStaff } from '../auth/policy.ts';
import {
  AdminUser, Id, KbArticle, KbCreate, KbPage, KbPatch, KbQuery, PasswordBody, ScopeRule, ScopeRuleBody, UserCreate, UserPage, UserPatch, UserQuery,
} from '../contract/orgs.ts';
import { createUser, getUser, listUsersPage, patchUser, resetPassword } from './users-admin.ts';
import { createKb, getKb, patchKb, putScopeRule, removeKb, scopeRules, searchKnowledge } from './kb.ts';

const IdParams = z.object({ id: Id });
const Ok = z.object({ ok: z.boolean() });

export async function peopleRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const users = ['users'];
  r.get('/api/v1/admin/users', { schema: { tags: users, querystring: UserQuery, response: { 200: UserPage } } }, async (req) => {
    assertAdmin(req.actor);
    return listUsersPage(deps, req.query);
  });
  r.get('/api/v1/admin/users/:id', { schema: { tags: users, params: IdParams, response: { 200: AdminUser } } }, async (req) => {
    assertAdmin(req.actor);
    return getUser(deps, req.params.id);
  });
  r.post('/api/v1/admin/users', { schema: { tags: users, body: UserCreate, response: { 201: AdminUser } } }, async (req, reply) => {
    assertAdmin(req.actor);
    return reply.code(201).send(await createUser(deps, req.body));
  });
  r.patch('/api/v1/admin/users/:id', { schema: { tags: users, params: IdParams, body: UserPatch, response: { 200: AdminUser } } }, async (req) => {
    const actor = assertAdmin(req.actor);
    return patchUser(deps, req.params.id, req.body, actor.id);
  });
  r.post('/api/v1/admin/users/:id/password', { schema: { tags: users, params: IdParams, body: PasswordBody, response: { 200: Ok } } }, async (req) => {
    assertAdmin(req.actor);
    return resetPassword(deps, req.params.id, req.body.password);
  });

  r.get('/api/v1/scope-rules', { schema: { tags: ['scope'], querystring: ReferencePage, response: { 200: paged(ScopeRule) } } }, async (req) => {
    assertStaff(req.actor);
    return pageOf(await scopeRules(deps), req.query);
  });
  r.put('/api/v1/admin/scope-rules/:code', {
    schema: { tags: ['scope'], params: z.object({ code: z.string().regex(/^[a-z0-9_]{2,40}$/) }), body: ScopeRuleBody, response: { 200: ScopeRule } },
  }, async (req) => {
    assertAdmin(req.actor);
    return putScopeRule(deps, req.params.code, req.body);
  });

  const kb = ['kb'];
  r.get('/api/v1/kb', { schema: { tags: kb, querystring: KbQuery, response: { 200: KbPage } } }, async (req) => {
    const actor = assertStaff(req.actor);
    return searchKnowledge(deps, { ...req.query, includeInactive: !!req.query.includeInactive && actor.role === 'admin' });
  });
  r.get('/api/v1/kb/:id', { schema: { tags: kb, params: IdParams, response: { 200: KbArticle } } }, async (req) => {
    assertStaff(req.actor);
    return getKb(deps, req.params.id);
  });
  r.post('/api/v1/admin/kb', { schema: { tags: kb, body: KbCreate, response: { 201: KbArticle } } }, async (req, reply) => {
    assertAdmin(req.actor);
    return reply.code(201).send(await createKb(deps, req.body));
  });
  r.patch('/api/v1/admin/kb/:id', { schema: { tags: kb, params: IdParams, body: KbPatch, response: { 200: KbArticle } } }, async (req) => {
    assertAdmin(req.actor);
    return patchKb(deps, req.params.id, req.body);
  });
  r.delete('/api/v1/admin/kb/:id', { schema: { tags: kb, params: IdParams, response: { 200: Ok } } }, async (req) => {
    assertAdmin(req.actor);
    return removeKb(deps, req.params.id);
  });
}
