// SQL for notifications (催办, overdue marks, callback tasks written by the sweep).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Whose notifications: a unit subtree (by units.path prefix), or the centre's (unit_id null). */
export type NotificationScope = { kind: 'units'; pathPrefix: string } | { kind: 'center' };

function scoped(db: Kysely<DB>, scope: NotificationScope) {
  const q = db
    .selectFrom('notifications as n')
    .leftJoin('tickets as t', 't.id', 'n.ticket_id')
    .leftJoin('hotspot_cases as c', 'c.id', 'n.case_id')
    .leftJoin('units as u', 'u.id', 'n.unit_id');
  return scope.kind === 'center' ? q.where('n.unit_id', 'is', null) : q.where('u.path', 'like', `${scope.pathPrefix}%`);
}

export async function listNotifications(db: Kysely<DB>, scope: NotificationScope, q: { unread?: boolean; limit: number; offset: number }) {
  let base = scoped(db, scope);
  if (q.unread) base = base.where('n.read_at', 'is', null);
  const [items, count] = await Promise.all([
    base
      .select(['n.id', 'n.kind', 'n.body', 'n.ticket_id', 't.number as ticket_number', 'n.case_id', 'c.title as case_title', 'n.unit_id', 'u.name as unit_name', 'n.created_at', 'n.read_at'])
      .orderBy('n.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Marks notifications read (all visible unread ones when `id` is undefined); returns how many. */
export async function markRead(db: Kysely<DB>, scope: NotificationScope, now: Date, id?: number): Promise<number> {
  let visible = scoped(db, scope).select('n.id').where('n.read_at', 'is', null);
  if (id !== undefined) visible = visible.where('n.id', '=', id);
  const r = await db.updateTable('notifications').set({ read_at: now }).where('id', 'in', visible).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
