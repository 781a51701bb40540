// SQL for users and sessions.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import type { Role } from '../contract/enums.ts';

export function findUserByUsername(db: Kysely<DB>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function insertSession(db: Kysely<DB>, id: string, userId: string, expiresAt: Date) {
  await db.insertInto('sessions').values({ id, user_id: userId, expires_at: expiresAt }).execute();
}

export async function deleteSession(db: Kysely<DB>, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function findActorBySession(db: Kysely<DB>, sessionId: string, now: Date): Promise<Actor | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .leftJoin('divisions', 'divisions.code', 'users.division_code')
    .select([
      'users.id', 'users.username', 'users.display_name', 'users.role', 'users.unit_id', 'users.division_code',
      'users.locale', 'users.active', 'units.path as unit_path', 'units.name as unit_name', 'divisions.path as division_path',
    ])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row || !row.active) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    unitId: row.unit_id,
    unitPath: row.unit_path ?? null,
    unitName: row.unit_name ?? null,
    divisionCode: row.division_code,
    divisionPath: row.division_path ?? null,
    locale: row.locale,
  };
}

export async function setUserLocale(db: Kysely<DB>, userId: string, locale: string) {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}
