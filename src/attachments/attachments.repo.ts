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

export async function attachmentOwners(db: Kysely<DB>, ids: string[]) {
  return db.selectFrom('attachments').select(['id', 'uploaded_by', 'ticket_id']).where('id', 'in', ids).execute();
}

/** Marks the files as put on `ticketId` (those not on a ticket yet). */
export async function claimAttachments(db: Kysely<DB>, ids: string[], ticketId: string) {
  if (!ids.length) return;
  await db.updateTable('attachments').set({ ticket_id: ticketId }).where('id', 'in', ids).where('ticket_id', 'is', null).execute();
}
