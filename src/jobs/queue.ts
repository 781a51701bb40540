// The queue's public face for other capabilities: enqueue by definition (payload checked against
// the job's schema, typed) or by name, inside a caller's transaction if they like.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.ts';
import type { JobDefinition } from './registry.ts';
import { enqueue, type EnqueueOptions } from './jobs.repo.ts';

export { enqueue, type EnqueueOptions } from './jobs.repo.ts';

/** Enqueues a job of `def` after validating the payload; null when the uniqueKey exists. */
export async function enqueueJob<S extends z.ZodType>(db: Kysely<DB>, def: JobDefinition<S>, payload: z.input<S>, opts: EnqueueOptions = {}) {
  const checked = def.schema.parse(payload) as Record<string, unknown>;
  return enqueue(db, def.name, checked, { maxAttempts: def.maxAttempts, ...opts });
}
