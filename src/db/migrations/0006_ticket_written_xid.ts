// Which transaction wrote each ticket, so app nodes can sign new tickets for the duplicate index
// themselves (src/nlp/dedupe/signature-index.ts) instead of intake writing the signature: the
// refresh asks for the tickets its last snapshot did not see (pg_visible_in_snapshot), exact
// across app nodes where a timestamp watermark would miss a late-committing transaction.
import type { Kysely } from 'kysely';
import { runScript } from '../run-script.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, `
alter table tickets add column written_xid xid8 not null default pg_current_xact_id();
create index tickets_written_xid_idx on tickets(written_xid);
`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, `
drop index if exists tickets_written_xid_idx;
alter table tickets drop column if exists written_xid;
`);
}
