// Ticket numbers: LX + Shanghai date + 6-digit daily sequence (LX20261123000123). The counter
// row is bumped atomically with INSERT … ON CONFLICT, so numbers stay unique across app nodes.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

export function shanghaiDay(d: Date): string {
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return s.slice(0, 10).replaceAll('-', '');
}

export async function nextTicketNumber(db: Kysely<DB> | Transaction<DB>, at: Date, prefix = 'LX'): Promise<string> {
  const day = shanghaiDay(at);
  const row = await db
    .insertInto('ticket_number_seq')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`ticket_number_seq.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${prefix}${day}${String(row.last).padStart(6, '0')}`;
}
