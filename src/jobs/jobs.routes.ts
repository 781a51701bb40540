// Admin view of the job queue: list jobs, put a failed job back in the queue.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { assertAdmin } from '../auth/policy.ts';
import { Page, paged } from '../contract/common.ts';
import { AppError } from '../shared/errors.ts';
import { listJobs, retryFailedJob, type JobRow } from './jobs.repo.ts';

const JobStatus = z.enum(['pending', 'running', 'done', 'failed']);
const Job = z.object({
  id: z.number().int(),
  name: z.string(),
  payload: z.unknown(),
  status: z.string(),
  runAt: z.string(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lockedBy: z.string().nullable(),
  lastError: z.string().nullable(),
  uniqueKey: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const present = (j: JobRow): z.infer<typeof Job> => ({
  id: Number(j.id), name: j.name, payload: j.payload, status: j.status, runAt: iso(j.run_at)!, attempts: j.attempts,
  maxAttempts: j.max_attempts, lockedBy: j.locked_by, lastError: j.last_error, uniqueKey: j.unique_key,
  createdAt: iso(j.created_at)!, finishedAt: iso(j.finished_at),
});

export async function jobsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const schema = { tags: ['admin', 'jobs'], security: [{ session: [] }] };
  const Query = Page.extend({ status: JobStatus.optional(), name: z.string().max(100).optional() });
  r.get('/api/v1/admin/jobs', { schema: { ...schema, querystring: Query, response: { 200: paged(Job) } } }, async (req) => {
    assertAdmin(req.actor);
    const q = req.query;
    const { items, total } = await listJobs(deps.db, { status: q.status, name: q.name, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    return { items: items.map(present), total, page: q.page, pageSize: q.pageSize };
  });
  const IdParam = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
  r.post('/api/v1/admin/jobs/:id/retry', { schema: { ...schema, params: IdParam } }, async (req) => {
    assertAdmin(req.actor);
    if (!(await retryFailedJob(deps.db, req.params.id, deps.now()))) throw new AppError('not_found', 'no failed job with this id');
    return { ok: true };
  });
}
