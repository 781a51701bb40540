// Test helper: inserts a minimal ticket row (what intake would store) and returns its id.
import type { Kysely } from 'kysely';
import type { DB, NewTicket } from '../../db/schema.ts';

let seq = 0;
export async function insertTestTicket(db: Kysely<DB>, t: Partial<NewTicket> & { title: string; content: string }): Promise<string> {
  seq++;
  const row = await db
    .insertInto('tickets')
    .values({
      number: `T${Date.now().toString(36)}${seq}`,
      channel: 'hotline',
      request_type: 'complaint',
      urgency: 'general',
      status: 'dispatched',
      received_at: new Date(),
      ...t,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
