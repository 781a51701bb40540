// SQL for holiday overrides (table holiday_overrides: day date primary key, kind, note).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { HolidayOverride, OverrideKind } from './calendar.ts';

// PGlite returns `date` columns as Date objects whatever the type parser says; format in SQL.
const DAY = sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day');
const COLS = [DAY, 'kind', 'note'] as const;

const toOverride = (r: { day: string; kind: string; note: string | null }): HolidayOverride => ({
  day: r.day,
  kind: r.kind as OverrideKind,
  note: r.note,
});

export async function allOverrides(db: Kysely<DB>): Promise<HolidayOverride[]> {
  const rows = await db.selectFrom('holiday_overrides').select(COLS).execute();
  return rows.map(toOverride);
}

export async function listOverrides(
  db: Kysely<DB>,
  q: { from?: string; to?: string; limit: number; offset: number },
): Promise<{ items: HolidayOverride[]; total: number }> {
  let base = db.selectFrom('holiday_overrides');
  if (q.from) base = base.where('day', '>=', q.from);
  if (q.to) base = base.where('day', '<=', q.to);
  const [rows, count] = await Promise.all([
    base.select(COLS).orderBy('day', 'desc').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toOverride), total: Number(count.n) };
}

export async function getOverride(db: Kysely<DB>, day: string): Promise<HolidayOverride | undefined> {
  const r = await db.selectFrom('holiday_overrides').select(COLS).where('day', '=', day).executeTakeFirst();
  return r && toOverride(r);
}

/** Inserts; returns false when the day already has an override. */
export async function insertOverride(db: Kysely<DB>, o: HolidayOverride): Promise<boolean> {
  const r = await db
    .insertInto('holiday_overrides')
    .values({ day: o.day, kind: o.kind, note: o.note })
    .onConflict((oc) => oc.column('day').doNothing())
    .returning('day')
    .executeTakeFirst();
  return !!r;
}

export async function updateOverride(db: Kysely<DB>, day: string, patch: { kind: OverrideKind; note: string | null }): Promise<boolean> {
  const r = await db.updateTable('holiday_overrides').set(patch).where('day', '=', day).returning('day').executeTakeFirst();
  return !!r;
}

export async function deleteOverride(db: Kysely<DB>, day: string): Promise<boolean> {
  const r = await db.deleteFrom('holiday_overrides').where('day', '=', day).returning('day').executeTakeFirst();
  return !!r;
}
