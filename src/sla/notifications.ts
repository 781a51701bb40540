// Reading the sweep's notifications: unit handlers and leaders see their unit's and its
// sub-units'; centre staff (agents, dispatchers, supervisors, admins) see the centre queue
// (callback tasks). Grid workers and citizens get none.
import type { Deps } from '../server/deps.ts';
import type { Actor } from '../auth/actor.ts';
import { CENTER_ROLES, UNIT_ROLES, assertStaff, hasRole } from '../auth/policy.ts';
import { AppError } from '../shared/errors.ts';
import * as repo from './notifications.repo.ts';

function scopeOf(actor: Actor | null): repo.NotificationScope {
  const a = assertStaff(actor);
  if (hasRole(a, ...UNIT_ROLES) && a.unitPath) return { kind: 'units', pathPrefix: a.unitPath };
  if (hasRole(a, ...CENTER_ROLES)) return { kind: 'center' };
  throw new AppError('forbidden');
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export async function listMyNotifications(deps: Deps, actor: Actor | null, q: { unread?: boolean; page: number; pageSize: number }) {
  const { items, total } = await repo.listNotifications(deps.db, scopeOf(actor), actor!.id, { unread: q.unread, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return {
    items: items.map((n) => ({
      id: Number(n.id), kind: n.kind, body: n.body, ticketId: n.ticket_id, ticketNumber: n.ticket_number ?? null,
      caseId: n.case_id, caseTitle: n.case_title ?? null,
      unitId: n.unit_id, unitName: n.unit_name ?? null, createdAt: iso(n.created_at)!, readAt: iso(n.read_at),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function markNotificationsRead(deps: Deps, actor: Actor | null, id?: number): Promise<number> {
  const n = await repo.markRead(deps.db, scopeOf(actor), actor!.id, deps.now(), id);
  if (id !== undefined && n === 0) throw new AppError('not_found', 'no such unread notification');
  return n;
}
