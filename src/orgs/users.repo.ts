// SQL for user administration.
import type { Insertable, Kysely } from 'kysely';
import type { DB, UsersTable } from '../db/schema.ts';

const base = (db: Kysely<DB>) => db.selectFrom('users as p')
  .leftJoin('units as u', 'u.id', 'p.unit_id')
  .leftJoin('divisions as d', 'd.code', 'p.division_code');
const COLS = [
  'p.id', 'p.username', 'p.display_name', 'p.role', 'p.unit_id', 'u.name as unit_name', 'p.division_code',
  'd.name as division_name', 'p.phone', 'p.active', 'p.locked_until', 'p.created_at',
] as const;

export interface UserFilter {
  q?: string;
  role?: string;
  unitId?: string;
  includeInactive?: boolean;
}

export async function listUsers(db: Kysely<DB>, f: UserFilter, limit: number, offset: number) {
  let q = base(db);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb('p.username', 'like', like), eb('p.display_name', 'like', like)]));
  }
  if (f.role) q = q.where('p.role', '=', f.role);
  if (f.unitId) q = q.where('p.unit_id', '=', f.unitId);
  if (!f.includeInactive) q = q.where('p.active', '=', true);
  const [items, total] = await Promise.all([
    q.select(COLS).orderBy('p.role').orderBy('p.username').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findUserRow(db: Kysely<DB>, id: string) {
  return base(db).select(COLS).where('p.id', '=', id).executeTakeFirst();
}

export function usernameTaken(db: Kysely<DB>, username: string) {
  return db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
}

export async function insertUsers(db: Kysely<DB>, rows: Insertable<UsersTable>[]) {
  const out = await db.insertInto('users').values(rows).returning(['id', 'username']).execute();
  return out;
}

export async function updateUserRow(db: Kysely<DB>, id: string, set: Partial<Insertable<UsersTable>>) {
  if (Object.keys(set).length) await db.updateTable('users').set(set).where('id', '=', id).execute();
}

export async function deleteSessionsOf(db: Kysely<DB>, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export function countUsers(db: Kysely<DB>) {
  return db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
}
