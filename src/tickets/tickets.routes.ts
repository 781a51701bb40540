// Ticket HTTP routes: parse, ask the policy (inside the domain functions), call, present.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import {
  CreateTicketBody, CreateTicketResponse, ListTicketsQuery, RateBody, TicketDetail, TicketSummary, TrackResponse, TransitionBody,
} from '../contract/tickets.ts';
import { paged } from '../contract/common.ts';
import { Status } from '../contract/enums.ts';
import { requireActor } from '../auth/auth.hook.ts';
import { CENTER_ROLES, assertRole, ticketScope } from '../auth/policy.ts';
import { AppError, errorBody } from '../shared/errors.ts';
import { createTicket, presentCreated } from './create-ticket.ts';
import { applyTransition } from './transition.ts';
import { getTicketDetail } from './get-ticket.ts';
import { rateTicket, trackTicket } from './track-ticket.ts';
import { throttledTrack } from './track-throttle.ts';
import { listBoard, listTickets } from './list.repo.ts';
import { presentSummary } from './present.ts';
import { anonymise } from './anonymise.ts';

const IdParams = z.object({ id: z.string().uuid() });
/** A ticket by its id or by its number (what staff know and type: /workbench/t/LX20261206000003); anything else is no such ticket. */
const IdOrNumberParams = z.object({ id: z.string().max(100) });
// typed as read off a slip: lx20261207000001, with spaces — the same number
const NumberParams = z.object({ number: z.string().transform((s) => s.replace(/\s+/g, '').toUpperCase()).pipe(z.string().regex(/^[A-Z]{2}[0-9]{14}$/, 'invalid ticket number')) });

export async function ticketRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/tickets', { schema: { tags: ['tickets'], body: CreateTicketBody, response: { 201: CreateTicketResponse } } }, async (req, reply) => {
    const created = await createTicket(deps, req.actor, req.body);
    return reply.status(201).send(presentCreated(created));
  });

  // Batch entry (meeting minutes 会议交办, mailbox sorting): each item succeeds or fails alone.
  r.post('/api/v1/tickets/batch', {
    schema: {
      tags: ['tickets'],
      body: z.object({ channel: z.enum(['meeting', 'mailbox', 'transfer110', 'hotline']).default('meeting'), tickets: z.array(CreateTicketBody).min(1).max(100) }),
      response: { 200: z.object({ results: z.array(z.object({ index: z.number(), ok: z.boolean(), id: z.string().optional(), number: z.string().optional(), status: z.string().optional(), error: z.object({ code: z.string(), message: z.object({ zh: z.string(), en: z.string() }) }).optional() })) }) },
    },
  }, async (req) => {
    const actor = assertRole(req.actor, ...CENTER_ROLES);
    const results = await Promise.all(req.body.tickets.map(async (item, index) => {
      try {
        const c = await createTicket(deps, actor, { ...item, channel: req.body.channel });
        return { index, ok: true, id: c.ticket.id, number: c.ticket.number, status: c.ticket.status };
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        return { index, ok: false, error: errorBody(e.code).error };
      }
    }));
    return { results };
  });

  r.get('/api/v1/tickets', { schema: { tags: ['tickets'], querystring: ListTicketsQuery, response: { 200: paged(TicketSummary) } } }, async (req) => {
    const actor = requireActor(req);
    const scope = ticketScope(actor);
    if (scope.kind === 'none') throw new AppError('forbidden');
    const now = deps.now();
    const { items, total } = await listTickets(deps.db, { scope, query: req.query, unitId: actor.unitId, now });
    return { items: items.map((t) => presentSummary(t, now)), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  r.get('/api/v1/tickets/:id', { schema: { tags: ['tickets'], params: IdOrNumberParams, response: { 200: TicketDetail } } }, async (req) =>
    getTicketDetail(deps, requireActor(req), req.params.id),
  );

  r.post('/api/v1/tickets/:id/transitions', { schema: { tags: ['tickets'], params: IdParams, body: TransitionBody, response: { 200: TicketDetail } } }, async (req) => {
    const actor = requireActor(req);
    await applyTransition(deps, actor, req.params.id, req.body);
    return getTicketDetail(deps, actor, req.params.id);
  });

  r.get('/api/v1/track/:number', {
    schema: { tags: ['public'], params: NumberParams, querystring: z.object({ phone: z.string().regex(/^[0-9]{4}$/, 'last 4 digits of the phone') }), response: { 200: TrackResponse } },
  }, async (req) => throttledTrack(deps, req.params.number, req.ip, () => trackTicket(deps, req.params.number, req.query.phone)));

  r.post('/api/v1/track/:number/rate', { schema: { tags: ['public'], params: NumberParams, body: RateBody, response: { 200: TrackResponse } } }, async (req) =>
    throttledTrack(deps, req.params.number, req.ip, () => rateTicket(deps, req.params.number, req.body)),
  );

  const BoardItem = z.object({
    /** the ticket's id (as Open311's service_request_id): a stable public reference */
    id: z.string(),
    number: z.string(), title: z.string(), status: Status, categoryCode: z.string().nullable(), categoryName: z.string().nullable(), divisionName: z.string().nullable(),
    unitName: z.string().nullable(), receivedAt: z.string(), closedAt: z.string().nullable(), replyExcerpt: z.string().nullable(), satisfaction: z.string().nullable(),
  });
  r.get('/api/v1/board', {
    schema: {
      tags: ['public'],
      querystring: z.object({
        page: z.coerce.number().int().min(1).max(10000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
        divisionCode: z.string().regex(/^[0-9]{2,12}$/).optional(),
        categoryCode: z.string().regex(/^[0-9A-Za-z._-]{1,40}$/).optional(),
        status: z.enum(['done', 'open']).optional(),
      }),
      response: { 200: paged(BoardItem) },
    },
  }, async (req) => {
    const { items, total } = await listBoard(deps.db, req.query);
    return {
      items: items.map((t) => {
        const reply = anonymise(t.reply_text, [t.contact_name]);
        return {
          id: t.id,
          // the date only: the daily sequence is half the tracking secret (its high digits are
          // almost always 0000, so hiding four of six digits hid nothing)
          number: t.number.slice(0, 10) + '*'.repeat(t.number.length - 10),
          title: anonymise(t.title, [t.contact_name])!,
          status: t.status as z.infer<typeof Status>,
          categoryCode: t.category_code,
          categoryName: t.category_name,
          divisionName: t.division_name,
          unitName: t.unit_name,
          receivedAt: new Date(t.received_at).toISOString(),
          closedAt: t.closed_at ? new Date(t.closed_at).toISOString() : null,
          replyExcerpt: reply ? ([...reply].length > 120 ? [...reply].slice(0, 120).join('') + '…' : reply) : null,
          satisfaction: t.satisfaction,
        };
      }),
      total,
      page: req.query.page,
      pageSize: req.query.pageSize,
    };
  });
}
