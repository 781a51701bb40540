// Wrong guesses at the public tracking gate (ticket number + last 4 phone digits), counted per
// ticket number and per client address, so the 10,000 possible digits cannot be tried through:
// see src/tickets/track-throttle.ts. Shared by every app node.
import type { Kysely } from 'kysely';
import { runScript } from '../run-script.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, `
create table track_attempts (
  key text primary key,                 -- 'n:<ticket number>' or 'ip:<client address>'
  failures integer not null default 0,
  window_start timestamptz not null,
  locked_until timestamptz
);
`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, `drop table if exists track_attempts;`);
}
