// A proactive case has a lead unit (牵头单位) answerable for it and a deadline on the working-day
// clock; the lead unit's people see the case in their workbench and record its progress.
import type { Kysely } from 'kysely';
import { runScript } from '../run-script.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, `
alter table hotspot_cases add column lead_unit_id uuid references units(id);
alter table hotspot_cases add column due_at timestamptz;
create index hotspot_cases_lead_unit on hotspot_cases (lead_unit_id, created_at desc) where lead_unit_id is not null;
`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, `
drop index if exists hotspot_cases_lead_unit;
alter table hotspot_cases drop column if exists due_at;
alter table hotspot_cases drop column if exists lead_unit_id;
`);
}
