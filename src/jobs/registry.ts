// Job definitions: a name, a zod schema for the payload and a handler. Capabilities define their
// jobs beside their code and add a registering function to src/jobs/definitions.ts; the worker
// runs whatever the registry holds, and the scheduler enqueues periodic jobs.
import type { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import type { JobRow } from './jobs.repo.ts';

export interface JobContext {
  job: JobRow;
  workerId: string;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  handler: (deps: Deps, payload: z.infer<S>, ctx: JobContext) => Promise<void>;
  /** Attempts before the job is marked failed (default 5). */
  maxAttempts?: number;
  /** How long a claim holds before another worker may take the job over (default 300 s). */
  lockSeconds?: number;
  /** First retry delay; doubled on every further attempt, capped at an hour (default 5 s). */
  backoffMs?: number;
}

export interface JobSchedule {
  /** A registered job name. */
  job: string;
  everySeconds: number;
  payload?: Record<string, unknown>;
}

/** Identity helper that keeps the payload type tied to the schema. */
export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

export const MAX_BACKOFF_MS = 3600_000;

export function backoffMs(def: Pick<JobDefinition, 'backoffMs'>, attempt: number): number {
  const base = def.backoffMs ?? 5000;
  return Math.min(base * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);
}

export class JobRegistry {
  private readonly defs = new Map<string, JobDefinition>();
  private readonly scheds: JobSchedule[] = [];

  register<S extends z.ZodType>(def: JobDefinition<S>): this {
    if (this.defs.has(def.name)) throw new Error(`job ${def.name} registered twice`);
    this.defs.set(def.name, def as unknown as JobDefinition);
    return this;
  }

  every(everySeconds: number, job: string, payload?: Record<string, unknown>): this {
    if (!(everySeconds >= 1)) throw new Error('schedules run at most every second');
    this.scheds.push({ job, everySeconds, payload });
    return this;
  }

  get(name: string): JobDefinition | undefined {
    return this.defs.get(name);
  }
  names(): string[] {
    return [...this.defs.keys()];
  }
  schedules(): readonly JobSchedule[] {
    return this.scheds;
  }
}

export type JobModule = (registry: JobRegistry) => void;
