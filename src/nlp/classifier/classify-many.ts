// Several models on one text (request analysis asks the category, unit and request-type models
// about every text): one walk of the text over a trie of the union of their vocabularies, then
// each model's vector read from the shared counts through its index map. Same predictions as
// classify() on each model (classifier.test.ts checks it); the walk, most of a classification's
// cost, is made once instead of once per model.
import { fieldsOf } from './features.ts';
import { classify, predictVector, tagIndices, type LoadedModel, type Prediction } from './model.ts';
import { ngramLookup, resetScan, scanExample, vectorFrom, type NgramLookup } from './ngram-lookup.ts';

interface Shared {
  models: LoadedModel[];
  lookup: NgramLookup;
  /** per model: union term → the model's term index, or -1 */
  maps: Int32Array[];
}

/** Models can share a walk when they read the same characters: same n-gram orders and length cap, no word tokens. */
function compatible(models: LoadedModel[]): boolean {
  const f = models[0].json.features;
  return models.every((m) => m.lookup && !m.json.features.words && m.json.features.charNgram[0] === f.charNgram[0]
    && m.json.features.charNgram[1] === f.charNgram[1] && (m.json.features.maxChars ?? 0) === (f.maxChars ?? 0));
}

function build(models: LoadedModel[]): Shared | null {
  if (!compatible(models)) return null;
  const union = new Map<string, number>();
  for (const m of models) for (const t of m.vocab.terms) if (!union.has(t)) union.set(t, union.size);
  const terms = [...union.keys()];
  const lookup = ngramLookup(terms, models[0].json.features);
  if (!lookup) return null;
  const maps = models.map((m) => {
    const map = new Int32Array(terms.length).fill(-1);
    m.vocab.terms.forEach((t, j) => (map[union.get(t)!] = j));
    return map;
  });
  return { models, lookup, maps };
}

// One shared lookup per set of loaded models (a retrain loads new model objects, so a new set).
const sharedOf = new WeakMap<LoadedModel, Shared | null>();
function shared(models: LoadedModel[]): Shared | null {
  const c = sharedOf.get(models[0]);
  if (c !== undefined && (c === null || (c.models.length === models.length && c.models.every((m, i) => m === models[i])))) return c;
  const s = build(models);
  sharedOf.set(models[0], s);
  return s;
}

export interface ClassifyRequest {
  model: LoadedModel;
  topK?: number;
  explainTerms?: number;
  /** the example's tags, for a model trained with them (e.g. the unit model: placeTags) */
  tags?: readonly string[];
  /** the labels possible here (label-mask.ts); all when absent */
  allowed?: Iterable<string>;
}

/** classify() for each request, on the same text (`normalized`: already normalised, as analysis has it). */
export function classifyMany(requests: ClassifyRequest[], text: string | string[], normalized = false): Prediction[] {
  const one = (r: ClassifyRequest) => classify(r.model, text, r.topK ?? 3, r.explainTerms ?? 5, r.tags, r.allowed);
  if (requests.length < 2) return requests.map(one);
  const s = shared(requests.map((r) => r.model));
  if (!s) return requests.map(one);
  const fields = fieldsOf(text);
  const headline = requests.some((r) => r.model.json.headline);
  const n = scanExample(s.lookup, fields, requests[0].model.json.features, headline, normalized);
  try {
    return requests.map((r, i) => {
      const x = vectorFrom(s.lookup, n, r.model.json.features.sublinearTf, r.model.vocab.idf, s.maps[i], r.tags?.length ? tagIndices(r.model, r.tags) : undefined);
      return predictVector(r.model, x, r.topK ?? 3, r.explainTerms ?? 5, r.allowed);
    });
  } finally {
    resetScan(s.lookup, n);
  }
}
