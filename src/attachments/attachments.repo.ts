import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export async function insertAttachment(db: Kysely<DB>, a: { sha256: string; mime: string; size: number; name: string; uploaded_by: string | null }) {
  return db.insertInto('attachments').values(a).returningAll().executeTakeFirstOrThrow();
}

export async function getAttachment(db: Kysely<DB>, id: string) {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Tickets whose events reference this attachment. */
export async function ticketsReferencing(db: Kysely<DB>, id: string) {
  const rows = await db
    .selectFrom('ticket_events')
    .select('ticket_id')
    .distinct()
    .where((eb) => eb(eb.cast('attachments', 'text'), 'like', `%${id}%`))
    .limit(20)
    .execute();
  return rows.map((r) => r.ticket_id);
}
