// Who has read a notification: per user, not per notification. A notification goes to a unit's
// subtree or to the whole centre; one person's "read all" must not clear everyone's bell. A
// notification's own read_at (before this migration) still counts as read for all.
import type { Kysely } from 'kysely';
import { runScript } from '../run-script.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await runScript(db, `
create table notification_reads (
  notification_id bigint not null references notifications(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  read_at timestamptz not null,
  primary key (notification_id, user_id)
);
create index notification_reads_user_idx on notification_reads(user_id);
`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, `drop table if exists notification_reads;`);
}
