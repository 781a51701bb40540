// The background worker: every poll it enqueues due periodic jobs (once per time bucket across all
// nodes, by unique key) and drains due jobs in batches. Several workers on several app nodes may
// run against one PostgreSQL; claims never overlap (see jobs.repo.ts).
import { randomBytes } from 'node:crypto';
import type { Deps } from '../server/deps.ts';
import { buildRegistry } from './definitions.ts';
import { warmClockCaches } from '../sla/deadlines.ts';
import { backoffMs, type JobRegistry } from './registry.ts';
import { claimJobs, completeJob, enqueue, failJob, type JobRow } from './jobs.repo.ts';

export interface WorkerOptions {
  registry?: JobRegistry;
  workerId?: string;
  /** Milliseconds between polls when idle (default $LIANXIN_WORKER_POLL_MS or 2000). */
  pollMs?: number;
  /** Jobs claimed at once (default 10). */
  batch?: number;
  /** Enqueue periodic jobs (default true). */
  schedule?: boolean;
}

const DEFAULT_LOCK_SECONDS = 300;

export function newWorkerId(deps: Pick<Deps, 'nodeId'>): string {
  return `${deps.nodeId}/${process.pid}/${randomBytes(3).toString('hex')}`;
}

/** The unique key of a periodic job for the bucket containing `now`. */
export function scheduleKey(job: string, everySeconds: number, now: Date): { key: string; bucket: Date } {
  const ms = everySeconds * 1000;
  const bucket = new Date(Math.floor(now.getTime() / ms) * ms);
  const stamp = bucket.toISOString().slice(0, everySeconds % 60 === 0 ? 16 : 19);
  return { key: `${job}:${stamp}`, bucket };
}

/**
 * Enqueues each schedule's job for the bucket containing `now`; returns how many this call
 * created. The unique key makes it once across all nodes; `seen` spares a node repeating the
 * insert for a bucket it has already handled.
 */
export async function enqueueScheduled(deps: Deps, registry: JobRegistry, now = deps.now(), seen?: Set<string>): Promise<number> {
  let created = 0;
  if (seen && seen.size > 1000) seen.clear();
  for (const s of registry.schedules()) {
    const { key, bucket } = scheduleKey(s.job, s.everySeconds, now);
    if (seen?.has(key)) continue;
    const id = await enqueue(deps.db, s.job, s.payload ?? {}, { uniqueKey: key, runAt: bucket, maxAttempts: registry.get(s.job)?.maxAttempts });
    seen?.add(key);
    if (id !== null) created++;
  }
  return created;
}

async function runJob(deps: Deps, registry: JobRegistry, job: JobRow, workerId: string): Promise<'done' | 'retry' | 'failed' | 'lost'> {
  const def = registry.get(job.name)!;
  const parsed = def.schema.safeParse(job.payload);
  if (!parsed.success) {
    await failJob(deps.db, job.id, workerId, `invalid payload: ${parsed.error.message}`, deps.now(), null);
    return 'failed';
  }
  try {
    await def.handler(deps, parsed.data, { job, workerId });
  } catch (e) {
    const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
    const now = deps.now();
    const retry = job.attempts < job.max_attempts ? new Date(now.getTime() + backoffMs(def, job.attempts)) : null;
    deps.log.warn({ job: job.name, id: job.id, attempt: job.attempts, err: e instanceof Error ? e.message : String(e) }, retry ? 'job failed; will retry' : 'job failed for good');
    await failJob(deps.db, job.id, workerId, msg, now, retry);
    return retry ? 'retry' : 'failed';
  }
  return (await completeJob(deps.db, job.id, workerId, deps.now())) ? 'done' : 'lost';
}

/** Claims one batch and runs it; returns how many jobs were claimed. */
export async function runOnce(deps: Deps, registry: JobRegistry, opts: { workerId: string; batch?: number }): Promise<number> {
  const names = registry.names();
  const lockSeconds = Math.max(...names.map((n) => registry.get(n)!.lockSeconds ?? DEFAULT_LOCK_SECONDS), 1);
  const jobs = await claimJobs(deps.db, { workerId: opts.workerId, names, limit: opts.batch ?? 10, now: deps.now(), lockMs: lockSeconds * 1000 });
  for (const job of jobs) await runJob(deps, registry, job, opts.workerId);
  return jobs.length;
}

/** Runs until no due job is left (tests, CLI). Returns the number of jobs run. */
export async function drain(deps: Deps, registry: JobRegistry, opts: { workerId: string; batch?: number; max?: number }): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await runOnce(deps, registry, opts);
    total += n;
    if (n === 0 || total >= (opts.max ?? Infinity)) return total;
  }
}

/** Starts polling; resolves to a function that stops the worker after the batch in hand. */
export async function startWorker(deps: Deps, opts: WorkerOptions = {}): Promise<() => Promise<void>> {
  const registry = opts.registry ?? buildRegistry();
  const workerId = opts.workerId ?? newWorkerId(deps);
  const pollMs = opts.pollMs ?? Number(process.env.LIANXIN_WORKER_POLL_MS ?? 2000);
  const batch = opts.batch ?? 10;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const seen = new Set<string>();

  const tick = async () => {
    if (opts.schedule !== false) await enqueueScheduled(deps, registry, deps.now(), seen);
    while (!stopping) {
      const n = await runOnce(deps, registry, { workerId, batch });
      if (n < batch) break;
    }
  };
  const loop = () => {
    if (stopping) return;
    current = tick()
      .catch((e) => deps.log.error({ err: e }, 'worker tick failed'))
      .finally(() => {
        if (!stopping) timer = setTimeout(loop, pollMs);
      });
  };
  await warmClockCaches(deps).catch((e) => deps.log.warn({ err: e }, 'could not preload calendar and policies'));
  deps.log.info({ workerId, jobs: registry.names(), pollMs }, 'worker started');
  loop();
  return async () => {
    stopping = true;
    if (timer) clearTimeout(timer);
    await current;
  };
}
