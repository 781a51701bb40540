// Ticket numbers: LX + Shanghai date + 6-digit daily sequence (LX20261123000123). A day's counter
// row is bumped atomically with INSERT … ON CONFLICT, reserving a block for several tickets at
// once, so numbers stay unique across app nodes.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

export const NUMBER_PREFIX = 'LX';

export function shanghaiDay(d: Date): string {
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return s.slice(0, 10).replaceAll('-', '');
}

/** Numbers for tickets received at `times`, in the same order. */
export async function reserveNumbers(db: Kysely<DB> | Transaction<DB>, times: Date[]): Promise<string[]> {
  const days = times.map(shanghaiDay);
  const perDay = new Map<string, number>();
  for (const d of days) perDay.set(d, (perDay.get(d) ?? 0) + 1);
  const next = new Map<string, number>();
  // Sorted, so concurrent reservations lock counter rows in the same order (no deadlock).
  for (const [day, n] of [...perDay].sort(([a], [b]) => a.localeCompare(b))) {
    const r = await db
      .insertInto('ticket_number_seq')
      .values({ day, last: n })
      .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`ticket_number_seq.last + ${n}` }))
      .returning('last')
      .executeTakeFirstOrThrow();
    next.set(day, r.last - n + 1);
  }
  return days.map((day) => {
    const seq = next.get(day)!;
    next.set(day, seq + 1);
    return `${NUMBER_PREFIX}${day}${String(seq).padStart(6, '0')}`;
  });
}
