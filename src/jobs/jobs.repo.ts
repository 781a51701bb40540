// The job queue's SQL (table jobs). Works the same on PGlite and PostgreSQL: claiming uses
// `select … for update skip locked` in a transaction, so several workers on several app nodes
// never take the same job; a worker that dies leaves a lock that expires and is taken over.
import type { Kysely, Selectable } from 'kysely';
import type { DB, JobsTable } from '../db/schema.ts';

export type JobRow = Selectable<JobsTable>;
type Db = Kysely<DB>;

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date;
  /** At most one job with this key ever exists; a second enqueue is a no-op. */
  uniqueKey?: string;
  maxAttempts?: number;
}

/** Adds a job; returns its id, or null when a job with the same uniqueKey already exists. */
export async function enqueue(db: Db, name: string, payload: Record<string, unknown> = {}, opts: EnqueueOptions = {}): Promise<number | null> {
  const row = await db
    .insertInto('jobs')
    .values({
      name,
      payload: JSON.stringify(payload),
      run_at: opts.runAt ?? new Date(),
      unique_key: opts.uniqueKey ?? null,
      ...(opts.maxAttempts ? { max_attempts: opts.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/**
 * Claims up to `limit` due jobs with one of `names` for `workerId`: pending jobs whose run_at has
 * come, and running jobs whose lock expired (their worker died). Each claim counts an attempt.
 * Expired jobs with no attempts left are marked failed instead.
 */
export async function claimJobs(db: Db, q: { workerId: string; names: string[]; limit: number; now: Date; lockMs: number }): Promise<JobRow[]> {
  if (q.names.length === 0 || q.limit <= 0) return [];
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('jobs')
      .set({ status: 'failed', finished_at: q.now, last_error: 'lock expired with no attempts left', locked_by: null, locked_until: null })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', 'running')
          .where('locked_until', '<', q.now)
          .where((w) => w('attempts', '>=', w.ref('max_attempts')))
          .forUpdate()
          .skipLocked(),
      )
      .execute();
    const picked = await trx
      .selectFrom('jobs')
      .select('id')
      .where('name', 'in', q.names)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', q.now)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', q.now), eb('attempts', '<', eb.ref('max_attempts'))]),
        ]),
      )
      .orderBy('run_at')
      .orderBy('id')
      .limit(q.limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (picked.length === 0) return [];
    return trx
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        locked_by: q.workerId,
        locked_until: new Date(q.now.getTime() + q.lockMs),
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', picked.map((p) => p.id))
      .returningAll()
      .execute();
  });
}

/** Marks a job done; false when the lock was lost to another worker meanwhile. */
export async function completeJob(db: Db, id: number, workerId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: now, locked_until: null, last_error: null })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

/** Records a failure: back to pending at `retryAt`, or failed for good when `retryAt` is null. */
export async function failJob(db: Db, id: number, workerId: string, error: string, now: Date, retryAt: Date | null): Promise<void> {
  await db
    .updateTable('jobs')
    .set(
      retryAt
        ? { status: 'pending', run_at: retryAt, locked_by: null, locked_until: null, last_error: error.slice(0, 2000) }
        : { status: 'failed', finished_at: now, locked_until: null, last_error: error.slice(0, 2000) },
    )
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .execute();
}

/** Deletes finished jobs: done ones before `doneBefore`, failed ones before `failedBefore`. */
export async function purgeJobs(db: Db, doneBefore: Date, failedBefore: Date): Promise<number> {
  const r = await db
    .deleteFrom('jobs')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'done'), eb('finished_at', '<', doneBefore)]),
        eb.and([eb('status', '=', 'failed'), eb('finished_at', '<', failedBefore)]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function getJob(db: Db, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function jobCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function listJobs(db: Db, q: { status?: string; name?: string; limit: number; offset: number }) {
  let base = db.selectFrom('jobs');
  if (q.status) base = base.where('status', '=', q.status);
  if (q.name) base = base.where('name', '=', q.name);
  const [items, count] = await Promise.all([
    base.selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Puts a failed job back in the queue with fresh attempts; false when it is not failed. */
export async function retryFailedJob(db: Db, id: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ status: 'pending', attempts: 0, run_at: now, finished_at: null, locked_by: null, locked_until: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returning('id')
    .executeTakeFirst();
  return !!r;
}
