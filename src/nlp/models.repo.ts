// Trained models in nlp_models: versioned per kind (category, unit, request_type …), one active.
// Also the training history query: closed tickets with their final category and lead unit.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface ModelRowMeta {
  id: string;
  kind: string;
  version: number;
  active: boolean;
  metrics: Record<string, unknown>;
  trainedOn: number;
  createdAt: Date;
}

export interface ModelRow extends ModelRowMeta {
  model: unknown;
}

type Row = { id: string; kind: string; version: number; active: boolean; metrics: unknown; trained_on: number; created_at: Date | string };
const meta = (r: Row): ModelRowMeta => ({
  id: r.id,
  kind: r.kind,
  version: Number(r.version),
  active: r.active,
  metrics: (r.metrics ?? {}) as Record<string, unknown>,
  trainedOn: Number(r.trained_on),
  createdAt: new Date(r.created_at),
});

/** Stores a new version of `kind` (previous max + 1); with activate, it becomes the only active one. */
export async function insertModel(
  db: Kysely<DB>,
  input: { kind: string; model: unknown; metrics: Record<string, unknown>; trainedOn: number; activate: boolean },
): Promise<ModelRowMeta> {
  return db.transaction().execute(async (trx) => {
    // serialise concurrent trainers of the same kind
    await sql`select pg_advisory_xact_lock(hashtext(${'nlp_models:' + input.kind}))`.execute(trx);
    const max = await trx.selectFrom('nlp_models').select((eb) => eb.fn.max('version').as('v')).where('kind', '=', input.kind).executeTakeFirst();
    const version = Number(max?.v ?? 0) + 1;
    if (input.activate) await trx.updateTable('nlp_models').set({ active: false }).where('kind', '=', input.kind).where('active', '=', true).execute();
    const row = await trx
      .insertInto('nlp_models')
      .values({
        kind: input.kind,
        version,
        active: input.activate,
        metrics: JSON.stringify(input.metrics),
        model: JSON.stringify(input.model),
        trained_on: input.trainedOn,
      })
      .returning(['id', 'kind', 'version', 'active', 'metrics', 'trained_on', 'created_at'])
      .executeTakeFirstOrThrow();
    return meta(row as Row);
  });
}

/** The active version number of `kind`, or null: a cheap check before reloading a cached model. */
export async function activeModelVersion(db: Kysely<DB>, kind: string): Promise<number | null> {
  const r = await db.selectFrom('nlp_models').select('version').where('kind', '=', kind).where('active', '=', true).executeTakeFirst();
  return r ? Number(r.version) : null;
}

export async function getModel(db: Kysely<DB>, kind: string, version?: number): Promise<ModelRow | null> {
  let q = db.selectFrom('nlp_models').selectAll().where('kind', '=', kind);
  q = version === undefined ? q.where('active', '=', true) : q.where('version', '=', version);
  const r = await q.executeTakeFirst();
  return r ? { ...meta(r as unknown as Row), model: r.model } : null;
}

export async function listModels(db: Kysely<DB>, kind?: string): Promise<ModelRowMeta[]> {
  let q = db.selectFrom('nlp_models').select(['id', 'kind', 'version', 'active', 'metrics', 'trained_on', 'created_at']);
  if (kind) q = q.where('kind', '=', kind);
  const rows = await q.orderBy('kind').orderBy('version', 'desc').execute();
  return rows.map((r) => meta(r as Row));
}

/** Makes `version` the active one of `kind`; false when there is no such version. */
export async function activateModel(db: Kysely<DB>, kind: string, version: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('nlp_models').select('id').where('kind', '=', kind).where('version', '=', version).executeTakeFirst();
    if (!exists) return false;
    await trx.updateTable('nlp_models').set({ active: false }).where('kind', '=', kind).where('active', '=', true).execute();
    await trx.updateTable('nlp_models').set({ active: true }).where('id', '=', exists.id).execute();
    return true;
  });
}

export interface HistoryRow {
  title: string;
  content: string;
  categoryCode: string | null;
  leadUnitId: string | null;
  requestType: string;
  /** the ticket's division as a path ("/35/3509/350926/"), or null */
  divisionPath: string | null;
}

/** Closed tickets (not merged into another) with their final category, lead unit, type and division. */
export async function closedTicketHistory(db: Kysely<DB>, limit = 200_000): Promise<HistoryRow[]> {
  const rows = await db
    .selectFrom('tickets')
    .leftJoin('divisions', 'divisions.code', 'tickets.division_code')
    .select(['tickets.title', 'tickets.content', 'tickets.category_code', 'tickets.lead_unit_id', 'tickets.request_type', 'divisions.path'])
    .where('tickets.status', '=', 'closed')
    .where('tickets.master_id', 'is', null)
    .orderBy('tickets.closed_at', 'desc')
    .orderBy('tickets.number') // the same order on every database, so the same models
    .limit(limit)
    .execute();
  return rows.map((r) => ({ title: r.title, content: r.content, categoryCode: r.category_code, leadUnitId: r.lead_unit_id, requestType: r.request_type, divisionPath: r.path }));
}

export async function countClosedTickets(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'closed')
    .where('master_id', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Names that segmentation should keep whole: divisions down to street/township, units, categories. */
export async function dictionaryTerms(db: Kysely<DB>, maxDivisionLevel = 4): Promise<string[]> {
  const [divs, units, cats] = await Promise.all([
    db.selectFrom('divisions').select('name').where('level', '<=', maxDivisionLevel).execute(),
    db.selectFrom('units').select(['name', 'short_name']).where('active', '=', true).execute(),
    db.selectFrom('categories').select('name').where('active', '=', true).execute(),
  ]);
  return [...divs.map((d) => d.name), ...units.flatMap((u) => [u.name, u.short_name ?? '']), ...cats.map((c) => c.name)].filter(Boolean);
}

/** Category tree (code → parent, level) and unit names, to label the history. */
export async function categoryTree(db: Kysely<DB>): Promise<{ code: string; name: string; level: number; parentCode: string | null }[]> {
  const rows = await db.selectFrom('categories').select(['code', 'name', 'level', 'parent_code']).execute();
  return rows.map((r) => ({ code: r.code, name: r.name, level: Number(r.level), parentCode: r.parent_code }));
}

export async function unitNames(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('units').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
