// Hotspots over the tickets in the database (每月一题): cluster a period's tickets by topic within
// each county, rank them, and turn one into a proactive case (未诉先办) whose members follow it.
import { createHash } from 'node:crypto';
import type { Actor } from '../../auth/actor.ts';
import type { Deps } from '../../server/deps.ts';
import { loadDeploymentDictionary } from '../classifier/dictionary.ts';
import { AppError } from '../../shared/errors.ts';
import { canSeeCase, caseScope } from '../../auth/policy.ts';
import { applyPolicy } from '../../sla/deadlines.ts';
import { shanghaiDay } from '../../calendar/shanghai.ts';
import { appendEvent } from '../../tickets/events.ts';
import { categoryRoots } from '../dedupe/find-duplicates.ts';
import { knownDivision } from '../address/parse-place.ts';
import { canonicalPhone } from '../../contract/common.ts';
import { clusterDocs, type HotCluster } from './cluster.ts';
import {
  caseMembers, caseMemberships, divisionByCode, getCase, insertCase, leadUnit, listCases, ticketsForHotspots, ticketsInScope, type HotTicketRow,
} from './hotspots.repo.ts';

const MAX_TICKETS = 5000;
const CACHE_MS = 60_000;
type Clustered = { at: number; rows: HotTicketRow[]; clusters: HotCluster[] };
const caches = new WeakMap<object, Map<string, Clustered>>();

export interface HotspotQuery {
  divisionCode?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/**
 * The case a cluster already is: the one holding the most of its members, if that is at least
 * half of them (clusters are recomputed each time, so a case's members and a cluster's differ a
 * little as tickets come in).
 */
async function casesOfClusters(deps: Deps, clusters: HotCluster[]) {
  const rows = await caseMemberships(deps.db, clusters.flatMap((c) => c.members));
  const byTicket = new Map<string, typeof rows>();
  for (const r of rows) byTicket.set(r.ticket_id, [...(byTicket.get(r.ticket_id) ?? []), r]);
  return (members: string[]) => {
    const count = new Map<string, { n: number; c: (typeof rows)[number] }>();
    for (const m of members) for (const r of byTicket.get(m) ?? []) count.set(r.id, { n: (count.get(r.id)?.n ?? 0) + 1, c: r });
    let best: { n: number; c: (typeof rows)[number] } | null = null;
    for (const v of count.values()) if (!best || v.n > best.n) best = v;
    return best && best.n * 2 >= members.length ? { id: best.c.id, title: best.c.title, status: best.c.status } : null;
  };
}

export interface Hotspot extends Omit<HotCluster, 'members'> {
  /** the proactive case most members already follow */
  case: { id: string; title: string; status: string } | null;
  /** the place bucket's name (the county), for a reader of the API */
  placeName: string | null;
  /** Stable id of the member set (changes when members change). */
  key: string;
  size: number;
  members: { id: string; number: string; title: string; status: string; leadUnitId: string | null; leadUnitName: string | null }[];
}

/** The path an actor may look at, narrowed to `divisionCode` when given (403 outside it). */
async function scopePath(deps: Deps, actor: Actor, divisionCode?: string | null): Promise<string | null> {
  if (!divisionCode) return actor.divisionPath;
  const d = await divisionByCode(deps.db, divisionCode);
  if (!d) throw new AppError('unknown_division', divisionCode);
  if (actor.divisionPath && !d.path.startsWith(actor.divisionPath)) throw new AppError('forbidden');
  return d.path;
}

/** County bucket of a division path ('/35/3509/350926/…' → '350926'). */
const countyOf = (path: string | null) => {
  if (!path) return null;
  const segs = path.split('/').filter(Boolean);
  return segs[Math.min(2, segs.length - 1)] ?? null;
};

export async function findHotspots(deps: Deps, actor: Actor, q: HotspotQuery) {
  const to = q.to ?? deps.now();
  // the same default period as the rates on the dashboard beside it (rates.ts): the last 90 days
  const from = q.from ?? new Date(to.getTime() - 90 * 86400_000);
  if (from >= to) throw new AppError('validation', 'from must be before to');
  const path = await scopePath(deps, actor, q.divisionCode);
  // Pages of the same query within a minute reuse one clustering.
  const key = `${path ?? ''}|${Math.floor(from.getTime() / 60_000)}|${Math.floor(to.getTime() / 60_000)}`;
  let recent = caches.get(deps.db);
  if (!recent) caches.set(deps.db, (recent = new Map()));
  let hit = recent.get(key);
  if (!hit || Date.now() - hit.at > CACHE_MS) {
    // the deployment's names (divisions, units, categories) stay whole in the terms shown
    const [rows, roots] = await Promise.all([
      ticketsForHotspots(deps.db, { path, from, to, limit: MAX_TICKETS }), categoryRoots(deps.db), loadDeploymentDictionary(deps),
    ]);
    const clusters = clusterDocs(
      rows.map((r) => ({
        id: r.id, title: r.title, body: r.content, at: new Date(r.received_at), place: countyOf(r.division_path), support: r.support,
        topic: r.category_code ? (roots.get(r.category_code) ?? r.category_code) : null,
        caller: r.contact_phone ? canonicalPhone(r.contact_phone) || null : null,
      })),
      { until: to, maxGapDays: Math.max(30, (to.getTime() - from.getTime()) / 86400_000) },
    );
    hit = { at: Date.now(), rows, clusters };
    if (recent.size >= 20) recent.delete(recent.keys().next().value!);
    recent.set(key, hit);
  }
  const { rows, clusters } = hit;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const start = (q.page - 1) * q.pageSize;
  const page = clusters.slice(start, start + q.pageSize);
  const caseOf = await casesOfClusters(deps, page);
  const placeNames = new Map(await Promise.all([...new Set(page.map((c) => c.place).filter((p): p is string => !!p))]
    .map(async (code) => [code, (await knownDivision(deps, code))?.name ?? null] as const)));
  const items: Hotspot[] = page.map((c) => ({
    ...c,
    placeName: c.place ? placeNames.get(c.place) ?? null : null,
    case: caseOf(c.members),
    key: createHash('sha256').update([...c.members].sort().join(',')).digest('hex').slice(0, 16),
    size: c.members.length,
    members: c.members.map((id) => {
      const r = byId.get(id)!;
      return { id, number: r.number, title: r.title, status: r.status, leadUnitId: r.lead_unit_id, leadUnitName: r.lead_unit_name };
    }),
  }));
  return { items, total: clusters.length, page: q.page, pageSize: q.pageSize, from, to, tickets: rows.length };
}

export interface CreateCaseInput {
  title: string;
  ticketIds: string[];
  divisionCode?: string | null;
  note?: string | null;
  from?: Date | null;
  to?: Date | null;
  score?: Record<string, unknown>;
  leadUnitId?: string | null;
  dueWorkingDays?: number | null;
}

/** Proactive cases are due in 15 working days unless the supervisor sets otherwise (the complaint limit). */
export const CASE_DUE_WORKING_DAYS = 15;

export async function createHotspotCase(deps: Deps, actor: Actor, input: CreateCaseInput) {
  const ids = [...new Set(input.ticketIds)];
  const path = await scopePath(deps, actor, input.divisionCode);
  const found = await ticketsInScope(deps.db, ids);
  if (found.length !== ids.length) throw new AppError('ticket_not_found');
  const outside = (p: string | null | undefined) => !!p && found.some((t) => t.division_path && !t.division_path.startsWith(p));
  // a ticket beyond the caller's own area is not theirs to gather; one beyond the case's place is a mistake in the request
  if (outside(actor.divisionPath)) throw new AppError('forbidden');
  if (outside(path)) throw new AppError('validation', 'every ticket of a case must lie in its division (divisionCode)');
  // the same tickets made a case twice over (a second click, a stale page) is refused
  const open = new Map<string, { n: number; title: string }>();
  for (const r of await caseMemberships(deps.db, ids)) if (r.status === 'open') open.set(r.id, { n: (open.get(r.id)?.n ?? 0) + 1, title: r.title });
  const same = [...open].find(([, v]) => v.n === ids.length);
  // said with the case that holds them, for the page to open it
  if (same) throw new AppError('duplicate', `these tickets already form the open case「${same[1].title}」`, { caseId: same[0], title: same[1].title });
  const lead = input.leadUnitId ? await leadUnitFor(deps, actor, input.leadUnitId) : null;
  const now = deps.now();
  const dueAt = await applyPolicy(deps, { amount: input.dueWorkingDays ?? CASE_DUE_WORKING_DAYS, unit: 'working_days' }, now);
  const joinNote = `纳入主动治理案件「${input.title}」` + (lead ? `，牵头单位：${lead.name}` : '') + `，限 ${shanghaiDay(dueAt)} 前办结`;
  const c = await insertCase(
    deps.db,
    {
      title: input.title, division_code: input.divisionCode ?? null, note: input.note ?? null, score: input.score ?? {},
      period_from: input.from ?? null, period_to: input.to ?? null, created_by: actor.id, lead_unit_id: lead?.id ?? null, due_at: dueAt,
    },
    ids,
    // Each member ticket records, on its own chained timeline (citizen-visible), that it now
    // follows the case; tickets locked in id order so two cases made at once cannot deadlock.
    async (trx, caseId) => {
      for (const ticketId of [...ids].sort()) {
        await appendEvent(trx, { ticketId, action: 'case_join', actor, at: now, public: true, note: joinNote, data: { caseId, leadUnitId: lead?.id ?? null, dueAt: dueAt.toISOString() } });
      }
    },
  );
  return getHotspotCase(deps, actor, c.id);
}

/** The lead unit must exist, be active, and lie in the actor's area when it has a place (city departments have none). */
async function leadUnitFor(deps: Deps, actor: Actor, unitId: string) {
  const u = await leadUnit(deps.db, unitId);
  if (!u || !u.active) throw new AppError('unknown_unit', unitId);
  if (actor.divisionPath && u.division_path && !u.division_path.startsWith(actor.divisionPath)) throw new AppError('unknown_unit', unitId);
  return u;
}

const withOverdue = <T extends { status: string; due_at: Date | null }>(c: T, now: Date) => ({
  ...c,
  overdue: c.status === 'open' && !!c.due_at && new Date(c.due_at) < now,
});

/** A case with its members and access facts (for the policy); not_found when the actor may not see it. */
export async function loadCase(deps: Deps, actor: Actor, id: string) {
  const c = await getCase(deps.db, id);
  const access = c && { divisionPath: c.division_path, leadUnitPath: c.lead_unit_path };
  if (!c || !access || !canSeeCase(actor, access)) throw new AppError('not_found');
  const { division_path: _p, lead_unit_path: _u, ...rest } = c;
  return { access, c: withOverdue(rest, deps.now()) };
}

export async function getHotspotCase(deps: Deps, actor: Actor, id: string) {
  const { c } = await loadCase(deps, actor, id);
  return { ...c, members: await caseMembers(deps.db, id) };
}

export async function listHotspotCases(deps: Deps, actor: Actor, page: number, pageSize: number) {
  const r = await listCases(deps.db, { scope: caseScope(actor), offset: (page - 1) * pageSize, limit: pageSize });
  const now = deps.now();
  return { items: r.items.map((i) => withOverdue({ ...i, member_count: Number(i.member_count) }, now)), total: r.total, page, pageSize };
}
