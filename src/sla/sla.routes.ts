// Admin CRUD for time-limit policies, and a public preview of a ticket's deadlines.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { assertAdmin } from '../auth/policy.ts';
import { paged } from '../contract/common.ts';
import { RequestType, Urgency } from '../contract/enums.ts';
import { Instant } from '../contract/calendar.ts';
import { Notification, NotificationQuery, TimeLimitPolicy, TimeLimitPolicyBody, TimeLimitPolicyListQuery, TimeLimitPolicyPatch } from '../contract/sla.ts';
import { createTimeLimitPolicy, deleteTimeLimitPolicy, listTimeLimitPolicies, updateTimeLimitPolicy } from './policies.ts';
import { computeTicketDeadlines, warmClockCaches } from './deadlines.ts';
import { listMyNotifications, markNotificationsRead } from './notifications.ts';

const IdParam = z.object({ id: z.uuid() });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function slaRoutes(app: FastifyInstance, deps: Deps) {
  await warmClockCaches(deps); // so requests never wait on a cache load inside a transaction
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/admin/time-limit-policies';
  const admin = { tags: ['admin', 'sla'], security: [{ session: [] }] };

  r.get(base, { schema: { ...admin, querystring: TimeLimitPolicyListQuery, response: { 200: paged(TimeLimitPolicy) } } }, async (req) => {
    assertAdmin(req.actor);
    return listTimeLimitPolicies(deps, req.query);
  });
  r.post(base, { schema: { ...admin, body: TimeLimitPolicyBody, response: { 201: TimeLimitPolicy } } }, async (req, reply) => {
    assertAdmin(req.actor);
    return reply.status(201).send(await createTimeLimitPolicy(deps, req.body));
  });
  r.put(`${base}/:id`, { schema: { ...admin, params: IdParam, body: TimeLimitPolicyPatch, response: { 200: TimeLimitPolicy } } }, async (req) => {
    assertAdmin(req.actor);
    return updateTimeLimitPolicy(deps, req.params.id, req.body);
  });
  r.delete(`${base}/:id`, { schema: { ...admin, params: IdParam } }, async (req) => {
    assertAdmin(req.actor);
    await deleteTimeLimitPolicy(deps, req.params.id);
    return { ok: true };
  });

  // What deadlines a ticket of this kind received at `receivedAt` would get (public: the limits
  // are published to citizens).
  const PreviewQuery = z.object({ urgency: Urgency.default('general'), type: RequestType.default('consult'), receivedAt: Instant });
  const When = z.string().nullable();
  const Preview = z.object({ dispatch: When, sign: When, reply: When, returnWindow: When, callback: When });
  r.get('/api/v1/sla/preview', { schema: { tags: ['sla'], querystring: PreviewQuery, response: { 200: Preview } } }, async (req) => {
    const q = req.query;
    const d = await computeTicketDeadlines(deps, { urgency: q.urgency, requestType: q.type, receivedAt: q.receivedAt });
    return { dispatch: iso(d.dispatch), sign: iso(d.sign), reply: iso(d.reply), returnWindow: iso(d.returnWindow), callback: iso(d.callback) };
  });

  // Notifications written by the SLA sweep (催办, overdue, callback tasks) for the caller's unit
  // subtree, or the centre's queue for centre staff.
  const nTags = { tags: ['notifications'], security: [{ session: [] }] };
  r.get('/api/v1/notifications', { schema: { ...nTags, querystring: NotificationQuery, response: { 200: paged(Notification) } } }, async (req) =>
    listMyNotifications(deps, req.actor, { ...req.query, unread: req.query.unread === 'true' }),
  );
  const NotifId = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
  r.post('/api/v1/notifications/:id/read', { schema: { ...nTags, params: NotifId } }, async (req) => ({
    updated: await markNotificationsRead(deps, req.actor, req.params.id),
  }));
  r.post('/api/v1/notifications/read-all', { schema: nTags }, async (req) => ({ updated: await markNotificationsRead(deps, req.actor) }));
}
