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

// ---- Tickets ----------------------------------------------------------------------------

/** What the policy needs to know about a ticket. */
export interface TicketAccess {
  status: string;
  leadUnitId: string | null;
  divisionPath: string | null;
  createdBy: string | null;
  citizenUserId: string | null;
  confidential: boolean;
  /**
   * Units linked to the ticket, with their tree paths: lead, co-units, former leads, and the lead
   * units of proactive cases it is a member of ('case_lead': they see it, they do not act on it).
   */
  units: { unitId: string; role: string; path: string }[];
}

/** Which tickets an actor may list: translated into SQL by the tickets repository. */
export type TicketScope =
  | { kind: 'all' }
  | { kind: 'division'; path: string }
  | { kind: 'unit'; path: string }
  | { kind: 'creator'; userId: string }
  | { kind: 'none' };

export function ticketScope(actor: Actor | null): TicketScope {
  if (!actor) return { kind: 'none' };
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'agent':
    case 'dispatcher':
    case 'supervisor':
      return actor.divisionPath ? { kind: 'division', path: actor.divisionPath } : { kind: 'all' };
    case 'handler':
    case 'leader':
      return actor.unitPath ? { kind: 'unit', path: actor.unitPath } : { kind: 'none' };
    case 'grid':
    case 'citizen':
      return { kind: 'creator', userId: actor.id };
    default:
      return { kind: 'none' };
  }
}

/** A division scope sees tickets with no division and those in its subtree (a path '' is a division unknown to the tree). */
export function canSeeTicketInDivision(scopePath: string, ticketDivisionPath: string | null): boolean {
  return ticketDivisionPath === null || (ticketDivisionPath !== '' && ticketDivisionPath.startsWith(scopePath));
}

export function canSeeTicket(actor: Actor | null, t: TicketAccess): boolean {
  const scope = ticketScope(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'division':
      return canSeeTicketInDivision(scope.path, t.divisionPath);
    case 'unit':
      return t.units.some((u) => u.path.startsWith(scope.path));
    case 'creator':
      return t.createdBy === scope.userId || t.citizenUserId === scope.userId;
    default:
      return false;
  }
}

/** The actor's relation to the ticket as a unit member: its lead unit, a co-unit, or none. */
export function unitRelation(actor: Actor, t: TicketAccess): 'lead' | 'co' | null {
  if (!actor.unitId || (actor.role !== 'handler' && actor.role !== 'leader')) return null;
  if (t.leadUnitId === actor.unitId) return 'lead';
  if (t.units.some((u) => u.unitId === actor.unitId && u.role === 'co')) return 'co';
  return null;
}

/** May this actor take an action whose rule allows `who`? (Status is checked by the lifecycle.) */
export function mayAct(actor: Actor, who: readonly string[], t: TicketAccess): boolean {
  if (!canSeeTicket(actor, t) && actor.role !== 'citizen') return false;
  if (who.includes(actor.role) && actor.role !== 'handler' && actor.role !== 'leader') return true;
  const rel = unitRelation(actor, t);
  return (rel === 'lead' && (who.includes('lead') || (actor.role === 'leader' && who.includes('lead_leader')))) || (rel !== null && who.includes('co'));
}

/**
 * Full citizen contact: the 12345 centre (which calls back), the staff member who took the ticket
 * in, and the lead unit, unless the citizen asked for confidentiality (保密), in which case only
 * the centre and whoever took it in. Every such read is logged.
 */
export function contactVisible(actor: Actor | null, t: TicketAccess): boolean {
  if (!actor) return false;
  if (actor.role === 'agent' || actor.role === 'dispatcher' || actor.role === 'admin') return canSeeTicket(actor, t);
  // whoever took the ticket in (a grid worker's own report) sees the contact they entered
  if (actor.role !== 'citizen' && t.createdBy === actor.id) return true;
  return !t.confidential && unitRelation(actor, t) === 'lead';
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const d = phone.replace(/\s/g, '');
  return d.length <= 4 ? '*'.repeat(d.length) : d.length <= 7 ? `${d.slice(0, 1)}***${d.slice(-2)}` : `${d.slice(0, 3)}****${d.slice(-4)}`;
}
export function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}
export function maskIdNumber(id: string | null): string | null {
  return id ? `${id.slice(0, 3)}***********${id.slice(-4)}` : id;
}

// ---- Reports ----------------------------------------------------------------------------

export const REPORT_ROLES: Role[] = ['supervisor', 'leader', 'dispatcher', 'admin'];

/** Rates and dashboards: the centre within its jurisdiction, a unit leader over the unit's subtree. */
export function reportScope(actor: Actor | null): TicketScope {
  assertRole(actor, ...REPORT_ROLES);
  return ticketScope(actor);
}

/** May a report with this scope look at the unit with this tree path? */
export function unitInReportScope(scope: TicketScope, unitPath: string): boolean {
  if (scope.kind === 'unit') return unitPath.startsWith(scope.path);
  return scope.kind === 'all' || scope.kind === 'division';
}

// ---- Proactive cases (未诉先办) ------------------------------------------------------------

/** The centre roles that make, see and close proactive cases within their jurisdiction. */
export const CASE_CENTRE_ROLES: Role[] = ['supervisor', 'dispatcher', 'admin'];
/** Everyone who may look at cases: the centre, and the lead unit's handlers and leaders. */
export const CASE_ROLES: Role[] = [...CASE_CENTRE_ROLES, ...UNIT_ROLES];

/** What the policy needs to know about a case. */
export interface CaseAccess {
  /** path of the case's division (null: no place of its own) */
  divisionPath: string | null;
  /** tree path of the lead unit (null: none assigned) */
  leadUnitPath: string | null;
}

/** Which cases an actor may list: translated into SQL by the hotspots repository. */
export type CaseScope = { kind: 'division'; path: string | null } | { kind: 'unit'; path: string } | { kind: 'none' };

export function caseScope(actor: Actor | null): CaseScope {
  if (!actor) return { kind: 'none' };
  if (CASE_CENTRE_ROLES.includes(actor.role)) return { kind: 'division', path: actor.divisionPath };
  // a unit sees the cases it (or a unit under it) leads
  if (UNIT_ROLES.includes(actor.role) && actor.unitPath) return { kind: 'unit', path: actor.unitPath };
  return { kind: 'none' };
}

export function canSeeCase(actor: Actor | null, c: CaseAccess): boolean {
  const s = caseScope(actor);
  if (s.kind === 'division') return !s.path || !c.divisionPath || c.divisionPath.startsWith(s.path);
  if (s.kind === 'unit') return !!c.leadUnitPath && c.leadUnitPath.startsWith(s.path);
  return false;
}

/** Progress notes: the centre, and the lead unit's own people (they do the work). */
export function mayProgressCase(actor: Actor | null, c: CaseAccess): boolean {
  return canSeeCase(actor, c);
}

/** Closing (acceptance of the result, 验收) stays with the centre that made the case. */
export function mayCloseCase(actor: Actor | null, c: CaseAccess): boolean {
  return hasRole(actor, ...CASE_CENTRE_ROLES) && canSeeCase(actor, c);
}
