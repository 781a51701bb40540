// Background retraining: `nlp.retrain` trains every model kind from closed tickets. Scheduled
// daily; a run with too little new history since the active model is a no-op unless forced.
import { z } from 'zod';
import { defineJob, type JobModule } from '../../jobs/registry.ts';
import type { Deps } from '../../server/deps.ts';
import { countClosedTickets, getModel } from '../models.repo.ts';
import { MODEL_KINDS, retrainFromDb } from './train-from-db.ts';

/** Retrain when history grew by this share since the active category model (or none exists). */
const GROWTH = 0.1;

export async function retrainIfGrown(deps: Deps, force: boolean, minExamples: number) {
  if (!force) {
    const active = await getModel(deps.db, 'category');
    const n = await countClosedTickets(deps.db);
    if (active && n < active.trainedOn * (1 + GROWTH)) {
      deps.log.info({ closed: n, trainedOn: active.trainedOn }, 'nlp.retrain: not enough new history');
      return [];
    }
  }
  return retrainFromDb(deps, { minExamples });
}

export const retrainJob = defineJob({
  name: 'nlp.retrain',
  schema: z.object({
    force: z.boolean().default(false),
    kinds: z.array(z.enum(MODEL_KINDS)).optional(),
    minExamples: z.number().int().min(2).default(50),
  }),
  maxAttempts: 2,
  lockSeconds: 1800,
  handler: async (deps, p) => {
    const results = p.kinds ? await retrainFromDb(deps, { kinds: p.kinds, minExamples: p.minExamples }) : await retrainIfGrown(deps, p.force, p.minExamples);
    deps.log.info({ results }, 'nlp.retrain finished');
  },
});

export const nlpJobs: JobModule = (r) => {
  r.register(retrainJob).every(86_400, 'nlp.retrain');
};
