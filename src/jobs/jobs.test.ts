// The DB-backed queue on PGlite and PostgreSQL: unique keys, retries with backoff, lock takeover,
// periodic scheduling once per bucket, and two nodes draining one queue without overlap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DB_KINDS, createTestDb, type TestDb } from '../test/harness.ts';
import type { Deps } from '../server/deps.ts';
import { JobRegistry, backoffMs, defineJob } from './registry.ts';
import { claimJobs, enqueue, getJob, jobCounts } from './jobs.repo.ts';
import { drain, enqueueScheduled, runOnce, scheduleKey, startWorker } from './worker.ts';
import { secondNode } from './testing.ts';
import { enqueueJob } from './queue.ts';

describe.each(DB_KINDS)('job queue on %s', (kind) => {
  let t: TestDb;
  let node2: Awaited<ReturnType<typeof secondNode>>;
  const ran: { name: string; i: number; by: string }[] = [];
  let flakyFailures = 0;
  const registry = new JobRegistry()
    .register(defineJob({
      name: 'test.count', schema: z.object({ i: z.number().int() }),
      handler: async (_deps, p, ctx) => {
        await new Promise((r) => setImmediate(r)); // let the other worker interleave
        ran.push({ name: 'test.count', i: p.i, by: ctx.workerId });
      },
    }))
    .register(defineJob({
      name: 'test.broken', schema: z.object({}), maxAttempts: 3, backoffMs: 1000,
      handler: async () => { throw new Error('always broken'); },
    }))
    .register(defineJob({
      name: 'test.flaky', schema: z.object({}), backoffMs: 1000,
      handler: async () => { if (flakyFailures++ < 1) throw new Error('first time fails'); },
    }))
    .every(60, 'test.count', { i: -1 });

  const at = (iso: string) => t.clock.set(iso);
  const advanceMs = (ms: number) => t.clock.set(new Date(t.clock.now.getTime() + ms));
  const clear = async () => {
    await t.db.deleteFrom('jobs').execute();
    ran.length = 0;
  };

  beforeAll(async () => {
    t = await createTestDb(kind);
    node2 = await secondNode(t);
    at('2026-03-02T10:00:00+08:00');
  });
  afterAll(async () => {
    await node2?.close();
    await t?.close();
  });

  it('enqueues once per unique key', async () => {
    await clear();
    const a = await enqueue(t.db, 'test.count', { i: 1 }, { uniqueKey: 'k1', runAt: t.clock.now });
    const b = await enqueue(node2.deps.db, 'test.count', { i: 2 }, { uniqueKey: 'k1', runAt: t.clock.now });
    expect(a).toBeTypeOf('number');
    expect(b).toBeNull();
    expect(await drain(t.deps, registry, { workerId: 'w1' })).toBe(1);
    expect(ran.map((r) => r.i)).toEqual([1]);
    expect((await getJob(t.db, a!))!.status).toBe('done');
  });

  it('enqueues by definition with the payload checked', async () => {
    await clear();
    const def = registry.get('test.count')!;
    await expect(enqueueJob(t.db, def, { i: 'x' })).rejects.toThrow();
    const id = await enqueueJob(t.db, def, { i: 5 }, { runAt: t.clock.now });
    expect((await getJob(t.db, id!))!).toMatchObject({ name: 'test.count', payload: { i: 5 }, max_attempts: 5 });
  });

  it('waits for run_at', async () => {
    await clear();
    await enqueue(t.db, 'test.count', { i: 7 }, { runAt: new Date(t.clock.now.getTime() + 60_000) });
    expect(await runOnce(t.deps, registry, { workerId: 'w1' })).toBe(0);
    advanceMs(60_000);
    expect(await runOnce(t.deps, registry, { workerId: 'w1' })).toBe(1);
  });

  it('retries with exponential backoff and fails after max attempts', async () => {
    await clear();
    const id = (await enqueue(t.db, 'test.broken', {}, { runAt: t.clock.now, maxAttempts: 3 }))!;
    expect(await runOnce(t.deps, registry, { workerId: 'w1' })).toBe(1);
    let job = (await getJob(t.db, id))!;
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.last_error).toContain('always broken');
    expect(new Date(job.run_at).getTime() - t.clock.now.getTime()).toBe(1000);
    expect(await runOnce(t.deps, registry, { workerId: 'w1' })).toBe(0); // not before the backoff
    advanceMs(1000);
    expect(await runOnce(t.deps, registry, { workerId: 'w1' })).toBe(1);
    job = (await getJob(t.db, id))!;
    expect(job).toMatchObject({ status: 'pending', attempts: 2 });
    expect(new Date(job.run_at).getTime() - t.clock.now.getTime()).toBe(2000); // doubled
    advanceMs(2000);
    expect(await runOnce(t.deps, registry, { workerId: 'w1' })).toBe(1);
    job = (await getJob(t.db, id))!;
    expect(job).toMatchObject({ status: 'failed', attempts: 3 });
    advanceMs(3600_000);
    expect(await runOnce(t.deps, registry, { workerId: 'w1' })).toBe(0);
    expect(backoffMs({ backoffMs: 1000 }, 30)).toBe(3600_000);
  });

  it('succeeds on retry, and fails at once on an invalid payload', async () => {
    await clear();
    const flaky = (await enqueue(t.db, 'test.flaky', {}, { runAt: t.clock.now }))!;
    const bad = (await enqueue(t.db, 'test.count', { i: 'not a number' }, { runAt: t.clock.now }))!;
    await drain(t.deps, registry, { workerId: 'w1' });
    advanceMs(1000);
    await drain(t.deps, registry, { workerId: 'w1' });
    expect((await getJob(t.db, flaky))!).toMatchObject({ status: 'done', attempts: 2 });
    expect((await getJob(t.db, bad))!).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await getJob(t.db, bad))!.last_error).toContain('invalid payload');
  });

  it('lets another worker take over an expired lock, and only the holder completes', async () => {
    await clear();
    const id = (await enqueue(t.db, 'test.count', { i: 9 }, { runAt: t.clock.now }))!;
    const claimed = await claimJobs(t.db, { workerId: 'dead', names: ['test.count'], limit: 10, now: t.clock.now, lockMs: 60_000 });
    expect(claimed.map((j) => Number(j.id))).toEqual([id]);
    expect(await runOnce(node2.deps, registry, { workerId: 'w2' })).toBe(0); // still locked
    advanceMs(60_001);
    expect(await runOnce(node2.deps, registry, { workerId: 'w2' })).toBe(1);
    expect((await getJob(t.db, id))!).toMatchObject({ status: 'done', attempts: 2, locked_by: 'w2' });
    expect(ran).toEqual([{ name: 'test.count', i: 9, by: 'w2' }]);
  });

  it('fails a job whose lock expired with no attempts left', async () => {
    await clear();
    const id = (await enqueue(t.db, 'test.count', { i: 10 }, { runAt: t.clock.now, maxAttempts: 1 }))!;
    await claimJobs(t.db, { workerId: 'dead', names: ['test.count'], limit: 10, now: t.clock.now, lockMs: 1000 });
    advanceMs(1001);
    expect(await runOnce(node2.deps, registry, { workerId: 'w2' })).toBe(0);
    expect((await getJob(t.db, id))!).toMatchObject({ status: 'failed', attempts: 1, last_error: 'lock expired with no attempts left' });
    expect(ran).toEqual([]);
  });

  it('schedules a periodic job once per bucket across nodes', async () => {
    await clear();
    at('2026-03-02T10:05:30+08:00');
    expect(scheduleKey('sla.sweep', 60, t.clock.now).key).toBe('sla.sweep:2026-03-02T02:05');
    const [a, b] = await Promise.all([enqueueScheduled(t.deps, registry), enqueueScheduled(node2.deps, registry)]);
    expect(a + b).toBe(1);
    advanceMs(20_000); // same minute
    expect(await enqueueScheduled(t.deps, registry)).toBe(0);
    advanceMs(20_000); // next minute
    expect(await enqueueScheduled(node2.deps, registry)).toBe(1);
    expect((await jobCounts(t.db)).pending).toBe(2);
  });

  it('two nodes drain 200 jobs, each exactly once', async () => {
    await clear();
    const runAt = t.clock.now;
    for (let i = 0; i < 200; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, k) => enqueue(t.db, 'test.count', { i: i + k }, { runAt })));
    }
    const one = new JobRegistry().register(registry.get('test.count')!);
    const [n1, n2] = await Promise.all([
      drain(t.deps, one, { workerId: 'A', batch: 5 }),
      drain(node2.deps as Deps, one, { workerId: 'B', batch: 5 }),
    ]);
    expect(n1 + n2).toBe(200);
    const ids = ran.map((r) => r.i).sort((x, y) => x - y);
    expect(ids).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(await jobCounts(t.db)).toEqual({ done: 200 });
    const attempts = await t.db.selectFrom('jobs').select('attempts').where('attempts', '!=', 1).execute();
    expect(attempts).toEqual([]);
  });

  it('startWorker schedules periodic jobs, runs them, and stops cleanly', async () => {
    await clear();
    at('2026-03-02T11:00:10+08:00');
    const stop = await startWorker(t.deps, { registry, pollMs: 20, workerId: 'poller' });
    for (let i = 0; i < 500 && !ran.some((r) => r.i === -1); i++) await new Promise((r) => setTimeout(r, 20));
    await stop();
    expect(ran).toEqual([{ name: 'test.count', i: -1, by: 'poller' }]);
    const jobs = await t.db.selectFrom('jobs').select(['unique_key', 'status']).execute();
    expect(jobs).toEqual([{ unique_key: 'test.count:2026-03-02T03:00', status: 'done' }]);
  });
});
