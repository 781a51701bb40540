// SQL for notifications (催办, overdue marks, callback tasks written by the sweep).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Whose notifications: a unit subtree (by units.path prefix), or the centre's (unit_id null). */
export type NotificationScope = { kind: 'units'; pathPrefix: string } | { kind: 'center' };

/** Read state is per user (notification_reads); a notification's own read_at (older rows) counts for all. */
function scoped(db: Kysely<DB>, scope: NotificationScope, userId: string) {
  const q = db
    .selectFrom('notifications as n')
    .leftJoin('notification_reads as r', (j) => j.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', userId))
    .leftJoin('tickets as t', 't.id', 'n.ticket_id')
    .leftJoin('hotspot_cases as c', 'c.id', 'n.case_id')
    .leftJoin('units as u', 'u.id', 'n.unit_id');
  return scope.kind === 'center' ? q.where('n.unit_id', 'is', null) : q.where('u.path', 'like', `${scope.pathPrefix}%`);
}

export async function listNotifications(db: Kysely<DB>, scope: NotificationScope, userId: string, q: { unread?: boolean; limit: number; offset: number }) {
  let base = scoped(db, scope, userId);
  if (q.unread) base = base.where('n.read_at', 'is', null).where('r.read_at', 'is', null);
  const [items, count] = await Promise.all([
    base
      .select(['n.id', 'n.kind', 'n.body', 'n.ticket_id', 't.number as ticket_number', 'n.case_id', 'c.title as case_title', 'n.unit_id', 'u.name as unit_name', 'n.created_at', sql<Date | null>`coalesce(r.read_at, n.read_at)`.as('read_at')])
      .orderBy('n.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Marks notifications read for this user (all visible unread ones when `id` is undefined); returns how many. */
export async function markRead(db: Kysely<DB>, scope: NotificationScope, userId: string, now: Date, id?: number): Promise<number> {
  let visible = scoped(db, scope, userId).where('n.read_at', 'is', null).where('r.read_at', 'is', null)
    .select(['n.id as notification_id', sql<string>`cast(${userId} as uuid)`.as('user_id'), sql<Date>`cast(${now} as timestamptz)`.as('read_at')]);
  if (id !== undefined) visible = visible.where('n.id', '=', id);
  const r = await db.insertInto('notification_reads').columns(['notification_id', 'user_id', 'read_at']).expression(visible)
    .onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}
