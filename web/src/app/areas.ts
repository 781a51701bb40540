// The staff areas of the app: path, who may open it, nav text. Each area lives in
// web/src/<area>/index.tsx (default export: the area's component, which may hold nested <Routes>)
// and is loaded on demand as its own chunk.
import type { Role } from '../contract.ts';

export interface AreaDef {
  area: 'console' | 'dispatch' | 'workbench' | 'grid' | 'dashboard' | 'admin';
  path: string;
  roles: Role[];
  navKey: string;
}

export const STAFF_AREAS: AreaDef[] = [
  { area: 'console', path: '/console', roles: ['agent', 'dispatcher', 'admin'], navKey: 'nav.console' },
  { area: 'dispatch', path: '/dispatch', roles: ['dispatcher', 'supervisor', 'admin'], navKey: 'nav.dispatch' },
  { area: 'workbench', path: '/workbench', roles: ['handler', 'leader', 'admin'], navKey: 'nav.workbench' },
  { area: 'grid', path: '/grid', roles: ['grid', 'admin'], navKey: 'nav.grid' },
  { area: 'dashboard', path: '/dashboard', roles: ['supervisor', 'leader', 'dispatcher', 'admin'], navKey: 'nav.dashboard' },
  { area: 'admin', path: '/admin', roles: ['admin'], navKey: 'nav.admin' },
];

/** Where a role lands after signing in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  citizen: '/',
  agent: '/console',
  dispatcher: '/dispatch',
  handler: '/workbench',
  leader: '/workbench',
  grid: '/grid',
  supervisor: '/dashboard',
  admin: '/admin',
};

export const areasFor = (role: Role | undefined) => (role ? STAFF_AREAS.filter((a) => a.roles.includes(role)) : []);
