// `lianxin worker` (the background worker alone, no HTTP), `lianxin jobs status`,
// `lianxin sla sweep` (one SLA sweep now).
import type { Command } from 'commander';
import { openDeps } from '../server/start.ts';
import { startWorker } from './worker.ts';
import { jobCounts } from './jobs.repo.ts';
import { buildRegistry } from './definitions.ts';

export function jobsCli(program: Command) {
  program
    .command('worker')
    .description('run only the background worker: job queue and periodic SLA sweeps (several may run against one PostgreSQL)')
    .option('--poll <ms>', 'poll interval in milliseconds (default $LIANXIN_WORKER_POLL_MS or 2000)')
    .action(async (o: { poll?: string }) => {
      const { deps, close } = await openDeps();
      if (deps.dbKind === 'pglite') {
        deps.log.warn('PGlite is embedded in one process: `lianxin serve` already runs the worker; run `lianxin worker` separately only against PostgreSQL (DATABASE_URL)');
      }
      const stop = await startWorker(deps, { pollMs: o.poll ? Number(o.poll) : undefined });
      deps.log.info(`worker running on ${deps.dbKind} (jobs: ${buildRegistry().names().join(', ')}); Ctrl-C to stop`);
      const shutdown = async () => {
        await stop();
        await close();
        process.exit(0);
      };
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void shutdown());
    });

  program
    .command('jobs')
    .description('job queue')
    .command('status')
    .description('count jobs by status')
    .action(async () => {
      const { deps, close } = await openDeps();
      try {
        console.log(await jobCounts(deps.db));
      } finally {
        await close();
      }
    });

  program
    .command('sla')
    .description('time limits')
    .command('sweep')
    .description('run one SLA sweep now (reminders, overdue marks, callback tasks)')
    .action(async () => {
      const { deps, close } = await openDeps();
      try {
        const { runSlaSweep } = await import('../sla/sweep.ts');
        console.log(await runSlaSweep(deps));
      } finally {
        await close();
      }
    });
}
