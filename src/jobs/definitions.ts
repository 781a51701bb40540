// Every capability's jobs, registered in one list. Add a line per capability.
import { JobRegistry, type JobModule } from './registry.ts';
import { coreJobs } from './core-jobs.ts';
import { slaJobs } from '../sla/sweep.ts';
import { nlpJobs } from '../nlp/classifier/jobs.ts';

export const jobModules: JobModule[] = [coreJobs, slaJobs, nlpJobs];

/** A registry holding every capability's jobs and schedules. */
export function buildRegistry(modules: JobModule[] = jobModules): JobRegistry {
  const registry = new JobRegistry();
  for (const add of modules) add(registry);
  return registry;
}
