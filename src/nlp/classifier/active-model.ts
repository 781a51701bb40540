// The active model of a kind, loaded once per process and database. The active version is
// re-checked at most every `recheckMs` (a cheap query), and the model reloaded when it changed,
// so a retrain on one node reaches the others within seconds without a query per request.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../server/deps.ts';
import { activeModelVersion, getModel } from '../models.repo.ts';
import { isClassifierModel, loadModel, type LoadedModel } from './model.ts';

export interface ActiveModel {
  kind: string;
  version: number;
  model: LoadedModel;
  metrics: Record<string, unknown>;
  /** when this version was stored (trained) */
  trainedAt: Date;
}

interface Entry {
  checkedAt: number;
  value: ActiveModel | null;
  pending?: Promise<ActiveModel | null>;
}

const caches = new WeakMap<Kysely<DB>, Map<string, Entry>>();
export const MODEL_RECHECK_MS = 10_000;

async function load(db: Kysely<DB>, kind: string, current: ActiveModel | null): Promise<ActiveModel | null> {
  const version = await activeModelVersion(db, kind);
  if (version === null) return null;
  if (current && current.version === version) return current;
  const row = await getModel(db, kind, version);
  if (!row || !isClassifierModel(row.model)) return null;
  return { kind, version, model: loadModel(row.model), metrics: row.metrics, trainedAt: new Date(row.createdAt) };
}

/** The active model of `kind` (category, unit, request_type …) or null when none is trained. */
export async function activeModel(deps: Pick<Deps, 'db'>, kind: string, recheckMs = MODEL_RECHECK_MS): Promise<ActiveModel | null> {
  let byKind = caches.get(deps.db);
  if (!byKind) caches.set(deps.db, (byKind = new Map()));
  const e = byKind.get(kind);
  const now = Date.now();
  if (e && now - e.checkedAt < recheckMs) return e.value;
  if (e?.pending) return e.pending;
  const entry: Entry = e ?? { checkedAt: 0, value: null };
  entry.pending = load(deps.db, kind, entry.value)
    .then((v) => {
      entry.value = v;
      entry.checkedAt = Date.now();
      return v;
    })
    .finally(() => {
      entry.pending = undefined;
    });
  byKind.set(kind, entry);
  return entry.pending;
}

/** The auto-decision threshold chosen at training (≥ 95% precision on held-out history), or null when none was. */
export function thresholdOf(m: ActiveModel): number | null {
  const t = m.metrics.threshold as { threshold?: number | null } | undefined;
  return typeof t?.threshold === 'number' ? t.threshold : null;
}

/** The level-1 category a detail model's label belongs to (from its training metrics), or undefined. */
export function levelOneOf(detail: ActiveModel, label: string): string | undefined {
  return ((detail.metrics.labelLevel1 ?? {}) as Record<string, string>)[label];
}

const learnedCache = new WeakMap<LoadedModel, WeakMap<LoadedModel | typeof NO_DETAIL, ReadonlySet<string>>>();
const NO_DETAIL = {} as LoadedModel;

/** The category codes the category and detail models can answer (the same Set while they stay loaded). */
export function learnedCategoryCodes(cat: ActiveModel, detail: ActiveModel | null): ReadonlySet<string> {
  let byDetail = learnedCache.get(cat.model);
  if (!byDetail) learnedCache.set(cat.model, (byDetail = new WeakMap()));
  const key = detail?.model ?? NO_DETAIL;
  let s = byDetail.get(key);
  if (!s) byDetail.set(key, (s = new Set([...cat.model.labels, ...(detail?.model.labels ?? [])])));
  return s;
}

/** Forgets cached models (after training in this process, or in tests). */
export function clearModelCache(db?: Kysely<DB>): void {
  if (db) caches.delete(db);
}
