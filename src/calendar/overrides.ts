// Admin management of local holiday overrides. Every change invalidates this node's cached
// calendar; other nodes follow within the cache TTL.
import type { Deps } from '../server/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { HolidayOverride, OverrideKind } from './calendar.ts';
import * as repo from './calendar.repo.ts';
import { invalidateCalendar } from './load-calendar.ts';

export async function listHolidayOverrides(deps: Deps, q: { from?: string; to?: string; page: number; pageSize: number }) {
  const { items, total } = await repo.listOverrides(deps.db, { from: q.from, to: q.to, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function createHolidayOverride(deps: Deps, input: { day: string; kind: OverrideKind; note?: string | null }): Promise<HolidayOverride> {
  const o: HolidayOverride = { day: input.day, kind: input.kind, note: input.note || null };
  if (!(await repo.insertOverride(deps.db, o))) throw new AppError('duplicate', `an override for ${input.day} exists`);
  await invalidateCalendar(deps);
  return o;
}

export async function updateHolidayOverride(deps: Deps, day: string, input: { kind: OverrideKind; note?: string | null }): Promise<HolidayOverride> {
  const patch = { kind: input.kind, note: input.note || null };
  if (!(await repo.updateOverride(deps.db, day, patch))) throw new AppError('not_found', `no override for ${day}`);
  await invalidateCalendar(deps);
  return { day, ...patch };
}

export async function deleteHolidayOverride(deps: Deps, day: string): Promise<void> {
  if (!(await repo.deleteOverride(deps.db, day))) throw new AppError('not_found', `no override for ${day}`);
  await invalidateCalendar(deps);
}
