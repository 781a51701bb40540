// Proactive cases (未诉先办) get a lifecycle their member tickets follow: progress notes and a
// closing result, each also written as a citizen-visible event on every member's timeline.
import type { Kysely } from 'kysely';
import { runScript } from '../run-script.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, `
alter table hotspot_cases add column result text;
alter table hotspot_cases add column closed_at timestamptz;
alter table hotspot_cases add column closed_by uuid references users(id);
alter table hotspot_cases add column progress_count int not null default 0;
`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, `
alter table hotspot_cases drop column if exists progress_count;
alter table hotspot_cases drop column if exists closed_by;
alter table hotspot_cases drop column if exists closed_at;
alter table hotspot_cases drop column if exists result;
`);
}
