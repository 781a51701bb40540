// The queue's own housekeeping: finished jobs are deleted after a while (done after 7 days,
// failed after 30) so the table stays small; the tracking gate's old failure counters likewise.
import { z } from 'zod';
import { defineJob, type JobModule } from './registry.ts';
import { purgeJobs } from './jobs.repo.ts';
import { pruneAttempts } from '../shared/attempts.repo.ts';

const DAY_MS = 86_400_000;

export const purgeJobsJob = defineJob({
  name: 'jobs.purge',
  schema: z.object({ doneDays: z.number().int().min(1).default(7), failedDays: z.number().int().min(1).default(30) }),
  handler: async (deps, p) => {
    const now = deps.now().getTime();
    const n = await purgeJobs(deps.db, new Date(now - p.doneDays * DAY_MS), new Date(now - p.failedDays * DAY_MS));
    if (n) deps.log.info({ purged: n }, 'purged finished jobs');
    await pruneAttempts(deps.db, new Date(now - 2 * DAY_MS)); // tracking-gate counters (track-throttle.ts)
  },
});

export const coreJobs: JobModule = (r) => {
  r.register(purgeJobsJob).every(3600, 'jobs.purge');
};
