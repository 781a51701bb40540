// Which transaction last wrote each ticket signature, so app nodes can keep an in-process copy of
// the band index fresh by asking for the rows their last snapshot did not see. A timestamp
// watermark misses rows whose transaction started before it but committed after; a transaction
// id compared with a snapshot (pg_visible_in_snapshot) does not.
import type { Kysely } from 'kysely';
import { runScript } from '../run-script.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, `
alter table ticket_signatures add column written_xid xid8 not null default pg_current_xact_id();
create index ticket_signatures_written_xid_idx on ticket_signatures(written_xid);
`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, `
drop index if exists ticket_signatures_written_xid_idx;
alter table ticket_signatures drop column if exists written_xid;
`);
}
