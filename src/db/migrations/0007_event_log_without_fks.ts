// The event log and the ticket–unit links are written only together with their ticket (intake's
// one statement) or after locking it (appendEvents), by actors taken from sessions, and nothing
// deletes tickets, users or units: their foreign keys never caught anything, but each row paid an
// RI trigger (a query plus a row lock on the parent — the same few hot user and unit rows on
// every ticket). Dropping the four costs nothing in safety the hash chain and `lianxin audit verify`
// (which now also reports events, links and actors whose row is missing) do not already give, and
// took PostgreSQL's CPU per ticket taken in from ~200 to ~170 µs (docs/benchmarks.md).
// ticket_units.unit_id keeps its key (a unit cannot vanish while it holds tickets).
import type { Kysely } from 'kysely';
import { runScript } from '../run-script.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, `
alter table ticket_events drop constraint if exists ticket_events_ticket_id_fkey;
alter table ticket_events drop constraint if exists ticket_events_actor_id_fkey;
alter table ticket_events drop constraint if exists ticket_events_actor_unit_id_fkey;
alter table ticket_units drop constraint if exists ticket_units_ticket_id_fkey;
`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, `
alter table ticket_events add constraint ticket_events_ticket_id_fkey foreign key (ticket_id) references tickets(id) on delete cascade;
alter table ticket_events add constraint ticket_events_actor_id_fkey foreign key (actor_id) references users(id);
alter table ticket_events add constraint ticket_events_actor_unit_id_fkey foreign key (actor_unit_id) references units(id);
alter table ticket_units add constraint ticket_units_ticket_id_fkey foreign key (ticket_id) references tickets(id) on delete cascade;
`);
}
