// The SLA sweep also watches proactive cases (主动治理案件): the lead unit is reminded when a
// quarter of the case's time is left and told when it is overdue. Claims are unique per
// (case, kind, deadline) like ticket alerts, so several nodes never fire one twice, and a
// notification may point at a case instead of a ticket.
import type { Kysely } from 'kysely';
import { runScript } from '../run-script.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, `
create table case_alerts (
  case_id uuid not null references hotspot_cases(id) on delete cascade,
  kind text not null,                   -- remind_case | overdue_case
  deadline timestamptz not null,
  fired_at timestamptz not null default now(),
  fired_by text,
  primary key (case_id, kind, deadline)
);
alter table notifications add column case_id uuid references hotspot_cases(id) on delete cascade;
`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, `
alter table notifications drop column if exists case_id;
drop table if exists case_alerts;
`);
}
