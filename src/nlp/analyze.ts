// Request analysis for the agent console and intake: one normalisation, then category / unit /
// type / urgency, the place, possible duplicates and repeat caller, knowledge-base articles and
// past replies. Everything slow is cached per process (place index, categories, KB, reply index).
import type { Kysely } from 'kysely';
import type { AnalyzeBody, AnalyzeResponse } from '../contract/nlp.ts';
import type { DB } from '../db/schema.ts';
import type { Deps } from '../server/deps.ts';
import { resolveRoute } from '../dispatch/route.ts';
import { normalize } from './normalize.ts';
import { parsePlace } from './address/parse-place.ts';
import { findDuplicates } from './dedupe/find-duplicates.ts';
import { fingerprint } from './dedupe/minhash.ts';
import { suggestReplies } from './replies/reply-suggestions.ts';
import { keywordCategories, requestTypeOf, urgencyCue, type CategoryRow } from './analyze-rules.ts';
import { activeCategories, activeKbArticles, kbVersion } from './nlp.repo.ts';

/** What a trained classifier answers; plugged in by the classifier module (see setPredictor). */
export interface Prediction {
  categories: { code: string; name: string; confidence: number }[];
  units?: { id: string; name: string; confidence: number }[];
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
function cached<T>(load: (db: Kysely<DB>) => Promise<T>, version?: (db: Kysely<DB>) => Promise<string>) {
  const store = new WeakMap<Kysely<DB>, { at: number; v: string; value: T }>();
  return async (db: Kysely<DB>): Promise<T> => {
    const c = store.get(db);
    if (c && Date.now() - c.at < TTL) return c.value;
    const v = version ? await version(db) : '';
    if (c && version && c.v === v) {
      c.at = Date.now();
      return c.value;
    }
    const value = await load(db);
    store.set(db, { at: Date.now(), v, value });
    return value;
  };
}
const categories = cached<CategoryRow[]>((db) => activeCategories(db));
const kbArticles = cached(async (db) =>
  (await activeKbArticles(db)).map((a) => ({
    ...a,
    words: [...new Set([...a.keywords.split(/[\s,，、;；]+/), a.title].map((w) => normalize(w)).filter((w) => w.length >= 2))],
  })), kbVersion);

const routeCache = new Map<string, { at: number; units: AnalyzeResponse['units'] }>();
async function unitsFor(deps: Deps, categoryCode: string, divisionCode: string | null, confidence: number) {
  const key = `${categoryCode}|${divisionCode ?? ''}`;
  let c = routeCache.get(key);
  if (!c || Date.now() - c.at > TTL) {
    const r = await resolveRoute(deps, { categoryCode, divisionCode }).catch(() => null);
    c = { at: Date.now(), units: r?.leadUnitId ? [{ id: r.leadUnitId, name: r.leadUnitName ?? '', confidence: 1 }] : [] };
    if (routeCache.size > 5000) routeCache.clear();
    routeCache.set(key, c);
  }
  return c.units.map((u) => ({ ...u, confidence: Math.round(u.confidence * confidence * 1000) / 1000 }));
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
  return scored.map(({ a }) => ({ id: a.id, title: a.title, snippet: [...a.body].slice(0, 80).join('') }));
}

export async function analyzeRequest(deps: Deps, input: AnalyzeBody): Promise<AnalyzeResponse> {
  const raw = input.title ? `${input.title} ${input.content}` : input.content;
  const text = normalize(raw);
  const fp = fingerprint(text, true);
  const [place, dup, cats, predicted] = await Promise.all([
    parsePlace(deps, { text, normalized: true, contextCode: input.divisionCode }),
    findDuplicates(deps, { text, normalized: true, fingerprint: fp, divisionCode: input.divisionCode, phone: input.phone }),
    categories(deps.db),
    predictor ? predictor(deps, text).catch(() => null) : Promise.resolve(null),
  ]);
  const fallback = predicted ? null : keywordCategories(text, cats);
  const catList = predicted?.categories ?? fallback!.map(({ code, name, confidence }) => ({ code, name, confidence }));
  const top = catList[0] ?? null;
  const divisionCode = input.divisionCode ?? place?.code ?? null;
  const [units, kb, replies] = await Promise.all([
    predicted?.units ?? (top ? unitsFor(deps, top.code, divisionCode, top.confidence) : Promise.resolve([])),
    kbFor(deps.db, text, top?.code ?? null),
    suggestReplies(deps, { text, normalized: true, categoryCode: top?.code, limit: 5 }),
  ]);
  return {
    normalized: text,
    categories: catList,
    units,
    requestType: predicted?.requestType ?? requestTypeOf(text),
    urgency: urgencyCue(text),
    terms: predicted?.terms ?? [...new Set(fallback!.flatMap((c) => c.terms))].slice(0, 8),
    place: place ? { code: place.code, name: place.name, path: place.path } : null,
    duplicates: dup.duplicates.map((d) => ({ id: d.id, number: d.number, title: d.title, similarity: d.similarity })),
    repeatCaller: dup.repeatCaller,
    kb,
    replies: replies.map((r) => ({ ...r, closedAt: r.closedAt ? r.closedAt.toISOString() : null })),
    source: predicted ? 'model' : 'keywords',
  };
}
