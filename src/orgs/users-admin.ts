// User administration: create with a password, change role/unit/jurisdiction, reset, deactivate.
import type { z } from 'zod';
import type { Deps } from '../server/deps.ts';
import { AppError } from '../shared/errors.ts';
import { hashPassword } from '../auth/passwords.ts';
import { clearLoginLocks, forgetUserSessions, lockedUsernames } from '../auth/sessions.ts';
import type { UserCreate, UserPatch } from '../contract/orgs.ts';
import type { Role } from '../contract/enums.ts';
import { findDivision } from '../divisions/divisions.repo.ts';
import { findUnit } from './units.repo.ts';
import { deleteSessionsOf, findUserRow, insertUsers, listUsers, updateUserRow, usernameTaken, type UserFilter } from './users.repo.ts';

type Row = NonNullable<Awaited<ReturnType<typeof findUserRow>>>;
const present = (u: Row, locked: Set<string>) => ({
  id: u.id, username: u.username, displayName: u.display_name, role: u.role, unitId: u.unit_id, unitName: u.unit_name ?? null,
  divisionCode: u.division_code, divisionName: u.division_name ?? null, phone: u.phone, active: u.active,
  locked: locked.has(u.username), createdAt: new Date(u.created_at).toISOString(),
});

export async function listUsersPage(deps: Deps, q: UserFilter & { page: number; pageSize: number }) {
  const { items, total } = await listUsers(deps.db, q, q.pageSize, (q.page - 1) * q.pageSize);
  const locked = await lockedUsernames(deps, items.map((u) => u.username));
  return { items: items.map((u) => present(u, locked)), total, page: q.page, pageSize: q.pageSize };
}

export async function getUser(deps: Deps, id: string) {
  const u = await findUserRow(deps.db, id);
  if (!u) throw new AppError('not_found', `user ${id}`);
  return present(u, await lockedUsernames(deps, [u.username]));
}

/** Unit roles need a unit; grid workers need a division (their grid or village). */
async function checkAssignment(deps: Deps, role: Role, unitId: string | null, divisionCode: string | null) {
  if (unitId && !(await findUnit(deps.db, unitId))) throw new AppError('unknown_unit', unitId);
  if (divisionCode && !(await findDivision(deps.db, divisionCode))) throw new AppError('unknown_division', divisionCode);
  if ((role === 'handler' || role === 'leader') && !unitId) throw new AppError('validation', `a ${role} needs a unit`);
  if (role === 'grid' && !divisionCode) throw new AppError('validation', 'a grid worker needs a division');
}

export async function createUser(deps: Deps, input: z.infer<typeof UserCreate>) {
  if (await usernameTaken(deps.db, input.username)) throw new AppError('duplicate', `username ${input.username}`);
  await checkAssignment(deps, input.role, input.unitId ?? null, input.divisionCode ?? null);
  const [row] = await insertUsers(deps.db, [{
    username: input.username, password_hash: await hashPassword(input.password), display_name: input.displayName,
    role: input.role, unit_id: input.unitId ?? null, division_code: input.divisionCode ?? null, phone: input.phone ?? null,
  }]);
  return getUser(deps, row!.id);
}

export async function patchUser(deps: Deps, id: string, input: z.infer<typeof UserPatch>, actorId?: string) {
  const cur = await getUser(deps, id);
  // An admin cannot lock themselves out: no self-deactivation, no dropping one's own admin role.
  if (actorId === id && (input.active === false || (input.role !== undefined && input.role !== 'admin'))) {
    throw new AppError('forbidden', 'you cannot deactivate yourself or remove your own admin role');
  }
  const role = (input.role ?? cur.role) as Role;
  const unitId = input.unitId !== undefined ? input.unitId ?? null : cur.unitId;
  const divisionCode = input.divisionCode !== undefined ? input.divisionCode ?? null : cur.divisionCode;
  await checkAssignment(deps, role, unitId, divisionCode);
  const set: Record<string, unknown> = {};
  if (input.displayName !== undefined) set.display_name = input.displayName;
  if (input.role !== undefined) set.role = input.role;
  if (input.unitId !== undefined) set.unit_id = unitId;
  if (input.divisionCode !== undefined) set.division_code = divisionCode;
  if (input.phone !== undefined) set.phone = input.phone ?? null;
  if (input.active !== undefined) set.active = input.active;
  await updateUserRow(deps.db, id, set);
  // A changed role, unit or deactivation takes effect at once: end the user's sessions.
  if (input.active === false || input.role !== undefined || input.unitId !== undefined || input.divisionCode !== undefined) {
    await deleteSessionsOf(deps.db, id);
    forgetUserSessions(id);
  }
  return getUser(deps, id);
}

export async function resetPassword(deps: Deps, id: string, password: string) {
  const u = await getUser(deps, id);
  await updateUserRow(deps.db, id, { password_hash: await hashPassword(password) });
  await clearLoginLocks(deps, u.username);
  await deleteSessionsOf(deps.db, id);
  forgetUserSessions(id);
  return { ok: true };
}
