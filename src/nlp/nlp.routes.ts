// Routes of request understanding: analyze, reply suggestions, hotspots and proactive cases,
// and two admin maintenance calls (relearn landmarks, sign imported tickets).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { requireActor } from '../auth/auth.hook.ts';
import { assertAdmin, assertRole, assertStaff, canSeeTicket, CASE_CENTRE_ROLES, CASE_ROLES, CENTER_ROLES, ticketScope } from '../auth/policy.ts';
import {
  AnalyzeBody, AnalyzeResponse, CaseProgressBody, CloseCaseBody, CreateHotspotCaseBody, HotspotCase, HotspotCaseList, HotspotsQuery, HotspotsResponse,
  DispatchSuggestionsBody, DispatchSuggestionsResponse, ReplySuggestionsQuery, ReplySuggestionsResponse,
} from '../contract/nlp.ts';
import { Page } from '../contract/common.ts';
import { AppError } from '../shared/errors.ts';
import { loadAccess } from '../tickets/tickets.repo.ts';
import { analyzeRequest } from './analyze.ts';
import { learnLandmarks } from './address/landmarks.ts';
import { indexMissingSignatures, ticketText } from './dedupe/find-duplicates.ts';
import { installNlpIntakeHooks } from './dedupe/intake.ts';
import { installSignatureIndexHooks } from './dedupe/signature-index.ts';
import { installClassifier } from './classifier/install.ts';
import { createHotspotCase, findHotspots, getHotspotCase, listHotspotCases } from './hotspots/hotspots.ts';
import { addCaseProgress, closeHotspotCase } from './hotspots/case-progress.ts';
import { dispatchSuggestions } from './dispatch-suggestions.ts';
import { suggestReplies } from './replies/reply-suggestions.ts';
import { markOpenable } from './openable.ts';
import { ticketForSuggestions } from './nlp.repo.ts';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const isoOr = (d: Date | string) => new Date(d).toISOString();

interface CaseRow {
  id: string; title: string; division_code: string | null; status: string; note: string | null; score: unknown;
  period_from: Date | null; period_to: Date | null; created_by: string | null; created_at: Date; result: string | null;
  closed_at: Date | null; closed_by: string | null; lead_unit_id: string | null; lead_unit_name: string | null;
  due_at: Date | null; overdue: boolean; progress_count: number | string; member_count?: number | string;
}
function presentCase(c: CaseRow) {
  return {
    id: c.id, title: c.title, divisionCode: c.division_code, status: c.status, note: c.note, score: c.score,
    periodFrom: iso(c.period_from), periodTo: iso(c.period_to), createdBy: c.created_by, createdAt: isoOr(c.created_at),
    result: c.result, closedAt: iso(c.closed_at), closedBy: c.closed_by, leadUnitId: c.lead_unit_id, leadUnitName: c.lead_unit_name,
    dueAt: iso(c.due_at), overdue: c.overdue, progressCount: Number(c.progress_count),
  };
}
type FullCase = Awaited<ReturnType<typeof getHotspotCase>>;
const presentFullCase = (c: FullCase) => ({
  ...presentCase(c),
  members: c.members.map((m) => ({ id: m.id, number: m.number, title: m.title, status: m.status, divisionCode: m.division_code, receivedAt: isoOr(m.received_at) })),
});

export async function nlpRoutes(app: FastifyInstance, deps: Deps) {
  installNlpIntakeHooks();
  installSignatureIndexHooks();
  installClassifier();
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/nlp/analyze', { schema: { tags: ['nlp'], body: AnalyzeBody, response: { 200: AnalyzeResponse } } }, async (req) => {
    const actor = assertStaff(requireActor(req));
    return analyzeRequest(deps, req.body, ticketScope(actor));
  });

  r.post('/api/v1/nlp/dispatch-suggestions', {
    schema: { tags: ['nlp'], body: DispatchSuggestionsBody, response: { 200: DispatchSuggestionsResponse } },
  }, async (req) => {
    const actor = assertRole(requireActor(req), ...CENTER_ROLES);
    return dispatchSuggestions(deps, ticketScope(actor), req.body.ticketIds);
  });

  r.get('/api/v1/nlp/reply-suggestions', {
    schema: { tags: ['nlp'], querystring: ReplySuggestionsQuery, response: { 200: ReplySuggestionsResponse } },
  }, async (req) => {
    const actor = assertStaff(requireActor(req));
    const t = await ticketForSuggestions(deps.db, req.query.ticketId);
    if (!t || !canSeeTicket(actor, await loadAccess(deps.db, t))) throw new AppError('ticket_not_found');
    const items = await suggestReplies(deps, { text: ticketText(t), categoryCode: t.category_code, excludeTicketId: t.id, limit: 5 });
    return { items: await markOpenable(deps, ticketScope(actor), items.map((i) => ({ ...i, closedAt: iso(i.closedAt) }))) };
  });

  r.get('/api/v1/hotspots', { schema: { tags: ['nlp'], querystring: HotspotsQuery, response: { 200: HotspotsResponse } } }, async (req) => {
    const actor = assertRole(requireActor(req), ...CASE_CENTRE_ROLES);
    const q = req.query;
    const res = await findHotspots(deps, actor, {
      divisionCode: q.divisionCode, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined,
      page: q.page, pageSize: q.pageSize,
    });
    return {
      ...res,
      from: isoOr(res.from),
      to: isoOr(res.to),
      items: res.items.map((h) => ({ ...h, from: isoOr(h.from), to: isoOr(h.to) })),
    };
  });

  r.post('/api/v1/hotspots/cases', { schema: { tags: ['nlp'], body: CreateHotspotCaseBody, response: { 200: HotspotCase } } }, async (req) => {
    const actor = assertRole(requireActor(req), ...CASE_CENTRE_ROLES);
    const b = req.body;
    const c = await createHotspotCase(deps, actor, {
      ...b, from: b.from ? new Date(b.from) : null, to: b.to ? new Date(b.to) : null,
    });
    return presentFullCase(c);
  });

  r.get('/api/v1/hotspots/cases', { schema: { tags: ['nlp'], querystring: Page, response: { 200: HotspotCaseList } } }, async (req) => {
    const actor = assertRole(requireActor(req), ...CASE_ROLES);
    const res = await listHotspotCases(deps, actor, req.query.page, req.query.pageSize);
    return { ...res, items: res.items.map((c) => ({ ...presentCase(c), memberCount: Number(c.member_count) })) };
  });

  r.get('/api/v1/hotspots/cases/:id', {
    schema: { tags: ['nlp'], params: z.object({ id: z.uuid() }), response: { 200: HotspotCase } },
  }, async (req) => {
    const actor = assertRole(requireActor(req), ...CASE_ROLES);
    const c = await getHotspotCase(deps, actor, req.params.id);
    return presentFullCase(c);
  });

  const CaseId = z.object({ id: z.uuid() });
  r.post('/api/v1/hotspots/cases/:id/progress', {
    schema: { tags: ['nlp'], params: CaseId, body: CaseProgressBody, response: { 200: HotspotCase } },
  }, async (req) => {
    const actor = assertRole(requireActor(req), ...CASE_ROLES);
    return presentFullCase(await addCaseProgress(deps, actor, req.params.id, req.body.note));
  });

  r.post('/api/v1/hotspots/cases/:id/close', {
    schema: { tags: ['nlp'], params: CaseId, body: CloseCaseBody, response: { 200: HotspotCase } },
  }, async (req) => {
    const actor = assertRole(requireActor(req), ...CASE_ROLES);
    return presentFullCase(await closeHotspotCase(deps, actor, req.params.id, req.body.result));
  });

  r.post('/api/v1/nlp/landmarks/learn', { schema: { tags: ['nlp'] } }, async (req) => {
    assertAdmin(requireActor(req));
    return learnLandmarks(deps);
  });

  r.post('/api/v1/nlp/signatures/reindex', { schema: { tags: ['nlp'] } }, async (req) => {
    assertAdmin(requireActor(req));
    return { signed: await indexMissingSignatures(deps) };
  });
}
