// SQL the demo needs beyond the capabilities' repositories: actors for its accounts.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import type { Role } from '../contract/enums.ts';

export async function actorsByUsername(db: Kysely<DB>): Promise<Map<string, Actor>> {
  const rows = await db.selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .leftJoin('divisions', 'divisions.code', 'users.division_code')
    .select([
      'users.id', 'users.username', 'users.display_name', 'users.role', 'users.unit_id', 'users.division_code', 'users.locale',
      'units.path as unit_path', 'units.name as unit_name', 'divisions.path as division_path',
    ])
    .execute();
  return new Map(rows.map((r) => [r.username, {
    id: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, unitId: r.unit_id,
    unitPath: r.unit_path ?? null, unitName: r.unit_name ?? null, divisionCode: r.division_code,
    divisionPath: r.division_path ?? null, locale: r.locale,
  }]));
}

export async function ticketsByStatus(db: Kysely<DB>): Promise<Record<string, number>> {
  const rows = await db.selectFrom('tickets').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** The newest ticket with this status, if any. */
export async function someTicketWithStatus(db: Kysely<DB>, status: string) {
  return (await ticketsWithStatus(db, status, 1))[0];
}

/** The newest tickets with this status (at most `limit`). */
export function ticketsWithStatus(db: Kysely<DB>, status: string, limit = 50) {
  return db.selectFrom('tickets').selectAll().where('status', '=', status).orderBy('received_at', 'desc').limit(limit).execute();
}
