// The one place that decides who may read and do what. Every route asks here.
import type { Actor } from './actor.ts';
import type { Role } from '../contract/enums.ts';
import { AppError } from '../shared/errors.ts';

export const STAFF_ROLES: Role[] = ['agent', 'dispatcher', 'handler', 'leader', 'grid', 'supervisor', 'admin'];
export const CENTER_ROLES: Role[] = ['agent', 'dispatcher', 'supervisor', 'admin'];
export const UNIT_ROLES: Role[] = ['handler', 'leader'];

export function hasRole(actor: Actor | null, ...roles: Role[]): actor is Actor {
  return !!actor && roles.includes(actor.role);
}

/** Throws 401 when not signed in, 403 when the role is not one of `roles`. */
export function assertRole(actor: Actor | null, ...roles: Role[]): Actor {
  if (!actor) throw new AppError('unauthenticated');
  if (!roles.includes(actor.role)) throw new AppError('forbidden');
  return actor;
}

export const assertAdmin = (actor: Actor | null) => assertRole(actor, 'admin');
export const assertStaff = (actor: Actor | null) => assertRole(actor, ...STAFF_ROLES);
