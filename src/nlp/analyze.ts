// Request analysis for the agent console and intake: one normalisation, then category / unit /
// type / urgency, the place, possible duplicates and repeat caller, knowledge-base articles and
// past replies. Everything slow is cached per process (place index, categories, KB, reply index).
import type { Kysely } from 'kysely';
import type { AnalyzeBody, AnalyzeResponse } from '../contract/nlp.ts';
import type { DB } from '../db/schema.ts';
import type { Deps } from '../server/deps.ts';
import { resolveRoute, unitsServingPlace } from '../dispatch/route.ts';
import { normalize } from './normalize.ts';
import { knownDivision, parsePlace } from './address/parse-place.ts';
import { AppError } from '../shared/errors.ts';
import { findDuplicates } from './dedupe/find-duplicates.ts';
import { fingerprint } from './dedupe/minhash.ts';
import { markOpenable, suggestReplies } from './replies/reply-suggestions.ts';
import type { TicketScope } from '../auth/policy.ts';
import { explicitRequestType, keywordCategories, requestTypeOf, urgencyCue, type CategoryRow } from './analyze-rules.ts';
import { activeCategories, activeKbArticles, kbVersion } from './nlp.repo.ts';

/** What a trained classifier answers; plugged in by the classifier module (see setPredictor). */
export interface Prediction {
  /** keyword: the admin keyword that put an unlearned category here (keyword-rule.ts) */
  categories: { code: string; name: string; confidence: number; keyword?: string }[];
  units?: { id: string; name: string; confidence: number }[];
  /** the unit model's first candidate reaches its auto-dispatch threshold */
  unitsConfident?: boolean;
  requestType?: AnalyzeResponse['requestType'];
  terms: string[];
}
export type Predictor = (deps: Deps, normalizedText: string) => Promise<Prediction | null>;

let predictor: Predictor | null = null;
/** The classifier registers its predict function here; null answers fall back to keywords. */
export function setPredictor(p: Predictor | null): void {
  predictor = p;
}

const TTL = 30_000;
/**
 * A per-database cache of a small table: loaded on first use, then re-checked every TTL in the
 * background (the value in hand answers meanwhile), reloaded when `version` changes.
 */
function cached<T>(load: (db: Kysely<DB>) => Promise<T>, version?: (db: Kysely<DB>) => Promise<string>) {
  const store = new WeakMap<Kysely<DB>, { at: number; v: string; value: T; checking?: Promise<unknown> }>();
  const fetch = async (db: Kysely<DB>, c?: { v: string; value: T }) => {
    const v = version ? await version(db) : '';
    const value = c && version && c.v === v ? c.value : await load(db);
    store.set(db, { at: Date.now(), v, value });
    return value;
  };
  return async (db: Kysely<DB>): Promise<T> => {
    const c = store.get(db);
    if (!c) return fetch(db);
    if (Date.now() - c.at >= TTL) {
      c.checking ??= fetch(db, c).finally(() => (c.checking = undefined));
      c.checking.catch(() => {}); // retried by the next call
    }
    return c.value;
  };
}
const categories = cached<CategoryRow[]>((db) => activeCategories(db));
/** The active categories (cached per process, re-read every 30 s): for the classifier's keyword rule. */
export const activeCategoryRows = categories;
const kbArticles = cached(async (db) =>
  (await activeKbArticles(db)).map((a) => ({
    ...a,
    words: [...new Set([...a.keywords.split(/[\s,，、;；]+/), a.title].map((w) => normalize(w)).filter((w) => w.length >= 2))],
  })), kbVersion);

type SuggestedUnit = AnalyzeResponse['units'][number];
/** Below this the unit model's candidate is not offered (the first one down to half of it). */
const MIN_UNIT_CONFIDENCE = 0.05;

/** The unit routing would send this category × place to (routing decides from memory: route-table.ts). */
async function routedUnit(deps: Deps, categoryCode: string, divisionCode: string | null, confidence: number): Promise<SuggestedUnit | null> {
  const r = await resolveRoute(deps, { categoryCode, divisionCode }).catch(() => null);
  if (!r?.leadUnitId) return null;
  return { id: r.leadUnitId, name: r.leadUnitName ?? '', confidence: Math.round(confidence * 1000) / 1000, ...(r.fallback ? { fallback: true } : {}) };
}

/**
 * Units to suggest: the unit model's when it is confident enough to dispatch alone; otherwise the
 * unit routing gives the top category in this place first (the rules are the county's own
 * answer; the default government only last), then the unit model's candidates — a model trained
 * on little history is a hint, not the first choice, and only those that can act in the place
 * (unitsServingPlace). At most 3.
 */
async function suggestedUnits(deps: Deps, predicted: Prediction | null, top: { code: string; confidence: number } | null, divisionCode: string | null) {
  // the unit model's candidates that can act here (with no place: only units serving the whole area)
  const serving = new Set(await unitsServingPlace(deps, (predicted?.units ?? []).map((u) => u.id), divisionCode));
  // a unit the model gives next to no chance (the flat tail of a text it cannot place) is noise
  const learned = (predicted?.units ?? []).filter((u, i) => serving.has(u.id) && (i === 0 || u.confidence >= MIN_UNIT_CONFIDENCE) && u.confidence >= MIN_UNIT_CONFIDENCE / 2);
  if (learned.length && predicted?.unitsConfident && learned[0].id === predicted.units![0].id) return learned;
  const routed = top ? await routedUnit(deps, top.code, divisionCode, top.confidence) : null;
  // a rule's unit leads; the default government (no rule owns the matter) comes after the model's
  // candidates, which at least name a unit that did such work before
  const out: SuggestedUnit[] = routed && !routed.fallback ? [routed] : [];
  const room = routed?.fallback ? 2 : 3;
  for (const u of learned) if (out.length < room && !out.some((o) => o.id === u.id)) out.push(u);
  if (routed?.fallback && !out.some((o) => o.id === routed.id)) out.push(routed);
  return out;
}

async function kbFor(db: Kysely<DB>, text: string, categoryCode: string | null) {
  const scored = (await kbArticles(db))
    .map((a) => {
      const hits = a.words.filter((w) => text.includes(w));
      const sameCategory = hits.length > 0 && !!categoryCode && a.category_code === categoryCode;
      const score = hits.reduce((s, w) => s + w.length, 0) + (sameCategory ? 2 : 0);
      return { a, score };
    })
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score)
    .slice(0, 3);
  return scored.map(({ a }) => ({ id: a.id, title: a.title, snippet: [...a.body].slice(0, 80).join(''), body: a.body }));
}

/** `scope`: the caller's (from the policy), to say which past tickets they may open; none by default. */
export async function analyzeRequest(deps: Deps, input: AnalyzeBody, scope: TicketScope = { kind: 'none' }): Promise<AnalyzeResponse> {
  const given = input.divisionCode ? await knownDivision(deps, input.divisionCode) : null;
  if (input.divisionCode && !given) throw new AppError('unknown_division', input.divisionCode);
  const raw = input.title ? `${input.title} ${input.content}` : input.content;
  const text = normalize(raw);
  const fp = fingerprint(text, true);
  const [place, dup, cats, predicted] = await Promise.all([
    // the address field names the place best; the text may name it too (or only the text does)
    parsePlace(deps, { text: input.address ? `${normalize(input.address)} ${text}` : text, normalized: true, contextCode: input.divisionCode }),
    findDuplicates(deps, { text, normalized: true, fingerprint: fp, divisionCode: input.divisionCode, phone: input.phone }),
    categories(deps.db),
    predictor ? predictor(deps, text).catch(() => null) : Promise.resolve(null),
  ]);
  const fallback = predicted ? null : keywordCategories(text, cats);
  const catList = predicted?.categories ?? fallback!.map(({ code, name, confidence }) => ({ code, name, confidence }));
  const top = catList[0] ?? null;
  const stated = explicitRequestType(text); // read once: type, urgency (a praise reports no danger)
  // units follow the place shown when it lies inside the division given (deeper, so more exact);
  // a place outside it is only a hint: the division the agent chose stands
  const divisionCode = place && (!given || place.path.startsWith(given.path)) ? place.code : (given?.code ?? null);
  const [units, kb, replies] = await Promise.all([
    suggestedUnits(deps, predicted, top, divisionCode),
    kbFor(deps.db, text, top?.code ?? null),
    suggestReplies(deps, { text, normalized: true, canonical: fp.canon, categoryCode: top?.code, limit: 5 })
      .then((r) => markOpenable(deps.db, scope, r)),
  ]);
  return {
    normalized: text,
    categories: catList,
    units,
    // what the caller says the request is outranks the model's guess from its subject
    requestType: stated ?? predicted?.requestType ?? requestTypeOf(text, stated),
    urgency: urgencyCue(text, stated),
    terms: predicted?.terms ?? [...new Set(fallback!.flatMap((c) => c.terms))].slice(0, 8),
    place: place ? { code: place.code, name: place.name, path: place.path } : null,
    duplicates: dup.duplicates.map((d) => ({ id: d.id, number: d.number, title: d.title, similarity: d.similarity })),
    repeatCaller: dup.repeatCaller,
    kb,
    replies: replies.map((r) => ({ ...r, closedAt: r.closedAt ? r.closedAt.toISOString() : null })),
    source: predicted ? 'model' : 'keywords',
  };
}
