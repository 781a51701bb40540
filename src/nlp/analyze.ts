// Request analysis for the agent console and intake: one normalisation, then category / unit /
// type / urgency, the place, possible duplicates and repeat caller, knowledge-base articles and
// past replies. Everything slow is cached per process (place index, categories, KB, reply index).
import type { Kysely } from 'kysely';
import type { AnalyzeBody, AnalyzeResponse } from '../contract/nlp.ts';
import type { DB } from '../db/schema.ts';
import type { Deps } from '../server/deps.ts';
import { suggestedUnits } from './suggest-units.ts';
import { normalize } from './normalize.ts';
import { knownDivision, parsePlace } from './address/parse-place.ts';
import { AppError } from '../shared/errors.ts';
import { findDuplicates, inRelatedPlace, presentDuplicate } from './dedupe/find-duplicates.ts';
import { fingerprint } from './dedupe/minhash.ts';
import { suggestReplies } from './replies/reply-suggestions.ts';
import type { TicketScope } from '../auth/policy.ts';
import { openableTickets, withCanOpen } from './openable.ts';
import { explicitRequestType, keywordCategories, requestTypeOf, urgencyCue, type CategoryRow } from './analyze-rules.ts';
import { activeCategories, activeKbArticles, kbVersion } from './nlp.repo.ts';
import { ancestorsOf, categoriesByCode } from './keyword-rule.ts';

/** What a trained classifier answers; plugged in by the classifier module (see setPredictor). */
export interface Prediction {
  /** keyword: the admin keyword that put an unlearned category here (keyword-rule.ts) */
  categories: { code: string; name: string; confidence: number; keyword?: string }[];
  units?: { id: string; name: string; confidence: number }[];
  /** the unit model's first candidate reaches its auto-dispatch threshold */
  unitsConfident?: boolean;
  /** the category model's first answer reaches its threshold (intake then routes it by rule) */
  categoriesConfident?: boolean;
  requestType?: AnalyzeResponse['requestType'];
  terms: string[];
}
/**
 * `normalizedTitle`: the title the normalised text starts with, if any (models read it on its own
 * too); `divisionPath`: the path of the division units are suggested for (the unit model reads it).
 */
export type Predictor = (deps: Deps, normalizedText: string, normalizedTitle?: string, divisionPath?: string | null) => Promise<Prediction | null>;

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

async function kbFor(db: Kysely<DB>, text: string, categoryCode: string | null) {
  const scored = (await kbArticles(db))
    .map((a) => {
      const hits = a.words.filter((w) => text.includes(w));
      const sameCategory = hits.length > 0 && !!categoryCode && a.category_code === categoryCode;
      const score = hits.reduce((s, w) => s + w.length, 0) + (sameCategory ? 2 : 0);
      const longest = hits.reduce((l, w) => (w.length > l.length ? w : l), '');
      return { a, score, longest };
    })
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score)
    .slice(0, 3);
  return {
    items: scored.map(({ a }) => ({ id: a.id, title: a.title, snippet: [...a.body].slice(0, 80).join(''), body: a.body })),
    // the best article's category and the longest of its words found in the text (a phrase of 4 or
    // more characters, 住房公积金, names the matter as well as a keyword does)
    best: scored[0] && scored[0].a.category_code && scored[0].longest.length >= 4 ? { categoryCode: scored[0].a.category_code, word: scored[0].longest } : null,
  };
}

/**
 * The category of the knowledge-base article the text matches, as the second candidate when the
 * model (or the keywords) did not name it and is not sure of its own first answer.
 */
async function withKbCategory(deps: Deps, cats: AnalyzeResponse['categories'], confident: boolean, best: { categoryCode: string; word: string } | null) {
  if (!best || confident) return cats;
  const byCode = categoriesByCode(await categories(deps.db));
  const row = byCode.get(best.categoryCode);
  if (!row) return cats;
  // already named, itself or a category above it
  const chain = new Set([row.code, ...ancestorsOf(row.code, byCode)]);
  if (cats.some((c) => chain.has(c.code))) return cats;
  const kb = { code: row.code, name: row.name, confidence: cats[0]?.confidence ?? 0, keyword: best.word };
  return cats.length ? [cats[0]!, kb, ...cats.slice(1)] : [kb];
}

export interface Understanding {
  place: Awaited<ReturnType<typeof parsePlace>>;
  predicted: Prediction | null;
  /** ranked category candidates (the model's, or the keyword fallback's) */
  categories: AnalyzeResponse['categories'];
  /** terms shown with them */
  terms: string[];
  /** the division units are suggested for: the place read when inside the one given, else the one given */
  divisionCode: string | null;
  /** the place shown: the one read from the text, else (the text names none) the division given */
  shownPlace: { code: string; name: string; path: string } | null;
}

/**
 * Category candidates and the place of a normalised text: what both the agent console's analysis
 * and the dispatcher queue's suggestions start from.
 */
export async function understand(deps: Deps, input: { text: string; title?: string | null; address?: string | null; divisionCode?: string | null; given: { code: string; name: string; path: string } | null }): Promise<Understanding> {
  const { text, given } = input;
  // the place first (in memory, so this costs no wait): the unit model reads the division
  const [place, cats] = await Promise.all([
    // the address field names the place best; the text may name it too (or only the text does)
    parsePlace(deps, { text: input.address ? `${normalize(input.address)} ${text}` : text, normalized: true, contextCode: input.divisionCode ?? undefined }),
    categories(deps.db),
  ]);
  // units follow the place shown when it lies inside the division given (deeper, so more exact);
  // a place outside it is only a hint: the division the agent chose stands
  const unitPlace = place && (!given || place.path.startsWith(given.path)) ? place : given;
  const divisionCode = unitPlace?.code ?? null;
  const predicted = predictor ? await predictor(deps, text, input.title ? normalize(input.title) : undefined, unitPlace?.path).catch(() => null) : null;
  const fallback = predicted ? null : keywordCategories(text, cats);
  return {
    place,
    predicted,
    categories: predicted?.categories ?? fallback!.map(({ code, name, confidence }) => ({ code, name, confidence })),
    terms: predicted?.terms ?? [...new Set(fallback!.flatMap((c) => c.terms))].slice(0, 8),
    divisionCode,
    shownPlace: place ? { code: place.code, name: place.name, path: place.path } : given ? { code: given.code, name: given.name, path: given.path } : null,
  };
}

/** `scope`: the caller's (from the policy), to say which past tickets they may open; none by default. */
export async function analyzeRequest(deps: Deps, input: AnalyzeBody, scope: TicketScope = { kind: 'none' }): Promise<AnalyzeResponse> {
  const given = input.divisionCode ? await knownDivision(deps, input.divisionCode) : null;
  if (input.divisionCode && !given) throw new AppError('unknown_division', input.divisionCode);
  const raw = input.title ? `${input.title} ${input.content}` : input.content;
  const text = normalize(raw);
  // "<p></p>", a zero-width space: nothing is left to understand (as blank content is refused)
  if (!/[\p{L}\p{N}]/u.test(text)) throw new AppError('validation', 'content has no text once markup and invisible characters are removed');
  const fp = fingerprint(text, true);
  const [u, dup] = await Promise.all([
    understand(deps, { text, title: input.title, address: input.address, divisionCode: input.divisionCode, given }),
    findDuplicates(deps, { text, normalized: true, fingerprint: fp, divisionCode: input.divisionCode, phone: input.phone }),
  ]);
  const { predicted } = u;
  // the lookup ran beside the reading of the place: a place read from the text (inside the one
  // given, if any) narrows the duplicates to tickets of a related place
  if (u.place && u.divisionCode === u.place.code && u.divisionCode !== input.divisionCode) {
    dup.duplicates = await inRelatedPlace(deps, dup.duplicates, u.place.path);
  }
  const dupItems = [...dup.duplicates, ...dup.repeatOf];
  const top = u.categories[0] ?? null;
  const stated = explicitRequestType(text); // read once: type, urgency (a praise reports no danger)
  const [units, kbHits, { r: replies, seen }] = await Promise.all([
    suggestedUnits(deps, predicted, top, u.divisionCode),
    kbFor(deps.db, text, top?.code ?? null),
    // one query says which of the tickets named here the caller may open: only those are named as
    // duplicates or tell of a repeat caller; past replies are shown either way, linked if so
    suggestReplies(deps, { text, normalized: true, canonical: fp.canon, categoryCode: top?.code, limit: 5 })
      .then(async (r) => ({ r, seen: await openableTickets(deps, scope, [...dupItems, ...r.map((x) => ({ id: x.ticketId, divisionCode: x.divisionCode }))]) })),
  ]);
  const kb = kbHits.items;
  const cats = await withKbCategory(deps, u.categories, !!predicted?.categoriesConfident, kbHits.best);
  return {
    normalized: text,
    categories: cats,
    units,
    // what the caller says the request is outranks the model's guess from its subject
    requestType: stated ?? predicted?.requestType ?? requestTypeOf(text, stated),
    urgency: urgencyCue(text, stated),
    terms: u.terms,
    place: u.shownPlace,
    placeCandidates: u.place?.candidates ?? [],
    duplicates: dup.duplicates.filter((d) => seen.has(d.id)).map(presentDuplicate),
    repeatCaller: dup.repeatOf.some((d) => seen.has(d.id)),
    kb,
    replies: withCanOpen(replies.map((r) => ({ ...r, closedAt: r.closedAt ? r.closedAt.toISOString() : null })), seen),
    source: predicted ? 'model' : 'keywords',
  };
}
