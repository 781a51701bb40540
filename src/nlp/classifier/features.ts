// Text → sparse TF-IDF vectors. Features are character n-grams inside runs of letters/digits
// (so they never span punctuation) plus word tokens from the segmenter; digit runs collapse to
// "0" so phone numbers and dates do not flood the vocabulary. The vocabulary keeps features seen
// in at least `minDf` training texts (at most `maxFeatures`, most frequent first); see corpus.ts.
import { normalize } from '../normalize.ts';
import { segment } from '../segment.ts';
import { withoutContactDetails } from '../contact-details.ts';

export interface FeatureOptions {
  /** character n-gram orders, e.g. [1, 3] for 1–3-grams */
  charNgram: [number, number];
  /** add segmenter word tokens */
  words: boolean;
  minDf: number;
  maxFeatures: number;
  sublinearTf: boolean;
  /** only the first maxChars characters of a (normalised) text are used; bounds the time per text */
  maxChars?: number;
  /**
   * idf is raised to this power (default 1, plain smooth idf). Above 1 rarer n-grams weigh more
   * relative to common ones; the stored idf already includes the power, so prediction is unchanged.
   */
  idfPower?: number;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  charNgram: [1, 3],
  words: true,
  minDf: 2,
  maxFeatures: 300_000,
  sublinearTf: true,
  maxChars: 1500,
  idfPower: 1,
};

/** A sparse vector: strictly increasing indices with their values. */
export interface SparseVec {
  idx: Int32Array;
  val: Float64Array;
  /** the vector's l2 norm before normalisation: how much known evidence the text holds (evidence.ts) */
  norm?: number;
}

const RE_DIGITS = /\p{Nd}+/gu;

/**
 * The text features are read from: normalised (unless it already is), without the writer's own
 * details (contact-details.ts: "身份证3509…" says nothing about the matter), cut to maxChars, digit
 * runs as "0".
 */
export function featureText(text: string, opts: FeatureOptions, normalized = false): string {
  let norm = withoutContactDetails(normalized ? text : normalize(text));
  if (opts.maxChars && norm.length > opts.maxChars) norm = norm.slice(0, opts.maxChars);
  return norm.replace(RE_DIGITS, '0');
}

/** Runs of letters and digits: character n-grams never span anything else. */
export const RE_RUN = /[\p{L}\p{N}]+/gu;

/** Calls `emit` for every feature occurrence: char n-grams bare, word tokens as "w:word"; all prefixed. */
export function forEachFeature(text: string, opts: FeatureOptions, prefix: string, emit: (f: string) => void): void {
  const norm = featureText(text, opts);
  const [lo, hi] = opts.charNgram;
  for (const m of norm.matchAll(RE_RUN)) {
    const chars = Array.from(m[0]);
    for (let i = 0; i < chars.length; i++) {
      let g = prefix;
      for (let n = 1; n <= hi && i + n <= chars.length; n++) {
        g += chars[i + n - 1];
        if (n >= lo) emit(g);
      }
    }
  }
  if (opts.words) {
    for (const w of segment(norm)) if (w.length >= 2) emit(prefix + 'w:' + w); // single characters are char 1-grams already
  }
}

/** Feature strings with their counts. */
export function featureCounts(text: string, opts: FeatureOptions, out = new Map<string, number>(), prefix = ''): Map<string, number> {
  forEachFeature(text, opts, prefix, (g) => out.set(g, (out.get(g) ?? 0) + 1));
  return out;
}

export interface Vocabulary {
  terms: string[];
  index: Map<string, number>;
  idf: Float64Array;
}

export function vocabularyFrom(terms: string[], idf: Float64Array): Vocabulary {
  const index = new Map<string, number>();
  terms.forEach((t, i) => index.set(t, i));
  return { terms, index, idf };
}

/**
 * A joined text "title content" as the fields [title, content] models are trained on (so the
 * title's own n-grams count), when it starts with the title; otherwise the text alone.
 */
export function headedFields(text: string, title: string | null | undefined): string | string[] {
  return title && text.length > title.length && text.startsWith(title) && text[title.length] === ' ' ? [title, text.slice(title.length + 1)] : text;
}

export function fieldsOf(text: string | string[]): string[] {
  return Array.isArray(text) ? text.map((t) => t ?? '') : [text ?? ''];
}

/** The feature of a tag (a fact about the example that is not in its text, such as its division). */
export const tagFeature = (tag: string) => 'x:' + tag;

/**
 * Tags of a division path ("/35/3509/350926/" → d:35, d:3509, d:350926): a unit model learns which
 * units act in which county, township or village, which the text alone often does not say.
 */
export function placeTags(path: string | null | undefined): string[] {
  return path ? path.split('/').filter(Boolean).map((c) => 'd:' + c) : [];
}

/**
 * Every feature occurrence of one example: all fields joined, plus the first field on its own
 * ("t:"), plus its tags once each ("x:"; text features never hold a colon).
 */
export function forEachExampleFeature(text: string | string[], features: FeatureOptions, headline: boolean, emit: (f: string) => void, tags?: readonly string[]): void {
  const fields = fieldsOf(text);
  forEachFeature(fields.join(' '), features, '', emit);
  if (headline && fields.length > 1 && fields[0]) forEachFeature(fields[0], features, 't:', emit);
  if (tags?.length) for (const t of new Set(tags)) emit(tagFeature(t));
}

/** Feature counts of one example (see forEachExampleFeature). */
export function exampleCounts(text: string | string[], features: FeatureOptions, headline: boolean, tags?: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  forEachExampleFeature(text, features, headline, (g) => counts.set(g, (counts.get(g) ?? 0) + 1), tags);
  return counts;
}
