// Who is making a request, as the policy module sees them.
import type { Role } from '../contract/enums.ts';

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  /** '/<id>/.../' path of the actor's unit: its subtree is what a unit user may see. */
  unitPath: string | null;
  unitName: string | null;
  /** Jurisdiction (division code) for agents, dispatchers, supervisors, grid workers. */
  divisionCode: string | null;
  divisionPath: string | null;
  locale: string;
}

/** The system itself (sweeps, imports, auto-dispatch). */
export const SYSTEM_ACTOR: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: '系统',
  role: 'admin',
  unitId: null,
  unitPath: null,
  unitName: null,
  divisionCode: null,
  divisionPath: null,
  locale: 'zh',
};
export const isSystem = (a: Actor) => a.id === SYSTEM_ACTOR.id;

/** A citizen without an account, proven by ticket number + phone. */
export const ANONYMOUS_CITIZEN: Actor = {
  ...SYSTEM_ACTOR,
  id: '00000000-0000-0000-0000-000000000001',
  username: 'citizen',
  displayName: '群众',
  role: 'citizen',
};
/** Actors that are not rows in the users table. */
export const isVirtual = (a: Actor) => a.id === SYSTEM_ACTOR.id || a.id === ANONYMOUS_CITIZEN.id;
