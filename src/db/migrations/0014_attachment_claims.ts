// An attachment belongs to the first ticket it was put on: a file uploaded without an account (the
// citizen form) may be claimed once, by the ticket or transition that cites it; after that, citing
// its id elsewhere is refused (src/attachments/attachments.ts, claimAttachments), so an id seen on
// one ticket cannot carry the file onto another the reader controls.
import type { Kysely } from 'kysely';
import { runScript } from '../run-script.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, `
alter table attachments add column ticket_id uuid;
update attachments a set ticket_id = x.ticket_id
  from (
    select distinct on (v.aid) v.aid, e.ticket_id
    from ticket_events e cross join lateral (select value::uuid as aid from jsonb_array_elements_text(e.attachments)) v
    order by v.aid, e.at
  ) x
  where x.aid = a.id;
create index attachments_ticket_idx on attachments(ticket_id);
`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, `drop index if exists attachments_ticket_idx; alter table attachments drop column if exists ticket_id;`);
}
