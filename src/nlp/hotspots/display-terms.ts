// The terms shown for a hotspot cluster: its centroid's strongest character bigrams grown into
// the phrases its members share, then snapped to whole words (segment.ts: the deployment's names
// whole, Intl.Segmenter for the rest) so that a term never starts or ends inside a word
// ("然关门" → "突然关门") and does not carry a one-character word at its edge ("会员卡还" →
// "会员卡", "元没" → nothing).
import { segment } from '../segment.ts';

// Characters of function words (的, 了, 我们 …): a bigram holding one ("院的", "的医") is not a term.
export const FUNCTION_CHARS = new Set([...'的了是在和有我你他她它们这那就都也很吗呢吧啊与及或被把对于从为让给']);
// Words any request may hold ("可以", "问一下", "希望"): true to the weights, but they name no problem.
export const GENERIC_WORDS = new Set(['一下', '一个', '现在', '已经', '我们', '你们', '他们', '什么', '没有', '这个', '那个', '时候', '问题', '希望', '请问', '星期', '今天', '昨天', '每天', '一直', '还是', '可以', '怎么', '这样', '情况', '反映', '附近', '楼下', '我家', '家里']);
/** A generic word, or a short phrase around one ("问一下", "可以吗"). */
export const isGeneric = (t: string) => GENERIC_WORDS.has(t) || ([...t].length <= 3 && [...GENERIC_WORDS].some((w) => t.includes(w)));
// A phrase is not grown leftwards over the end of the place name before it ("A2区丽发新城" → "丽发新城").
const PLACE_ENDS = new Set([...'省市区县州镇乡村街道']);
/** Length of the longest common substring of two short strings. */
function overlap(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) {
    let k = 0;
    while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
    best = Math.max(best, k);
  }
  return best;
}

/**
 * Terms to show for a cluster, from its centroid's strongest bigrams (best first): bigrams with a
 * function character dropped, and overlapping ones joined into the longer phrase that most
 * members' texts hold ("县医" + "医院" → "县医院"), at most 6 characters, 6 terms.
 */
export function displayTerms(ranked: string[], texts: string[], n = 6): string[] {
  const cands = ranked.filter((g) => ![...g].some((ch) => FUNCTION_CHARS.has(ch)));
  const common = (t: string) => texts.filter((x) => x.includes(t)).length * 5 >= texts.length * 3;
  const words = new WordSpans();
  const out: string[] = [];
  for (const g of cands) {
    let term = g;
    for (let grown = true; grown && term.length < 6;) {
      grown = false;
      for (const h of cands) {
        const right = term.endsWith(h[0]) ? term + h[1] : null;
        const left = term.startsWith(h[1]) && !PLACE_ENDS.has(h[0]) ? h[0] + term : null;
        const next = right && common(right) ? right : left && common(left) ? left : null;
        if (next) {
          term = next;
          grown = true;
          break;
        }
      }
    }
    if (term.length === 2 && PLACE_ENDS.has(term[0])) continue; // "区附": the end of a place name and the next word's start
    const whole = snapToWords(term, texts, words, common);
    if (!whole || isGeneric(whole)) continue;
    term = whole;
    if (out.some((o) => o.includes(term) || (!term.includes(o) && overlap(o, term) >= 2))) continue;
    for (let i = out.length - 1; i >= 0; i--) if (term.includes(out[i])) out.splice(i, 1);
    out.push(term);
    if (out.length >= n) break;
  }
  return out;
}


const MAX_TERM = 8;
const PLACE_ENDS_LEFT = new Set([...PLACE_ENDS, '路', '街', '巷', '湾', '苑']);
// One-character words that stand on their own in a sentence (adverbs, measure words, verbs of
// saying and using, numbers): at a term's edge they are the next clause's start or the last
// one's end ("会员卡还", "元没"), never part of a name. Other lone characters are kept: ICU
// splits names it does not know (伊景园, 丽发新城) into single characters.
const LONE_WORDS = new Set([...'还没也都就又再才很太更最不被把让给在从向往对和与跟等元个只条次天年月日号两一几多少用说要会能可该将已差请']);
// Two-character function words, trimmed off a term's edges likewise ("会员卡还有" → "会员卡").
const EDGE_WORDS = new Set(['还有', '没有', '已经', '一直', '就是', '但是', '而且', '因为', '所以', '可以', '希望', '请问', '现在', '目前',
  '进行', '存在', '这个', '那个', '我们', '他们', '你们', '什么', '怎么', '如何', '是否', '一个', '一些', '非常', '特别', '严重', '附近', '问题']);

/**
 * Word spans of texts, computed once per text: the segmenter's words (the deployment's names from
 * its user dictionary whole, the rest by Intl.Segmenter); characters between words are spans of
 * their own.
 */
class WordSpans {
  private readonly cache = new Map<string, Int32Array>();
  /** For each offset of the text: the start and the end of the word it is in. */
  spans(text: string): { start: Int32Array; end: Int32Array } {
    let packed = this.cache.get(text);
    if (!packed) {
      const n = text.length;
      packed = new Int32Array(n * 2);
      for (let i = 0; i < n; i++) {
        packed[i] = i;
        packed[n + i] = i + 1;
      }
      let cursor = 0;
      for (const w of segment(text)) {
        const at = text.indexOf(w, cursor);
        if (at < 0) continue;
        for (let i = at; i < at + w.length; i++) {
          packed[i] = at;
          packed[n + i] = at + w.length;
        }
        cursor = at + w.length;
      }
      this.cache.set(text, packed);
    }
    return { start: packed.subarray(0, text.length), end: packed.subarray(text.length) };
  }
}

/**
 * The term as whole words, as the members' texts have it: widened to the words it starts and
 * ends in (or else narrowed to the words wholly inside it), then one-character words of
 * LONE_WORDS trimmed off both edges; the phrase most texts give that most members share
 * (`common`), of 2 to 8 characters. Null when there is none.
 */
function snapToWords(term: string, texts: string[], words: WordSpans, common: (t: string) => boolean): string | null {
  const votes = new Map<string, number>();
  let seen = 0;
  for (const text of texts) {
    const at = text.indexOf(term);
    if (at < 0) continue;
    if (++seen > 8) break;
    const { start, end } = words.spans(text);
    const from = start[at];
    const to = end[at + term.length - 1];
    // the words of [from, to), then lone characters off the edges
    const wide: [number, number][] = [];
    for (let i = from; i < to; i = end[i]) wide.push([i, end[i]]);
    // widened to whole words first; the words wholly inside the term second
    const inside = wide.filter(([a, b]) => a >= at && b <= at + term.length);
    for (const [parts, weight] of [[wide, 1], [inside, 0.4]] as const) {
      const p = [...parts];
      const lone = (w: [number, number]) =>
        (w[1] - w[0] === 1 && LONE_WORDS.has(text[w[0]])) || (w[1] - w[0] === 2 && EDGE_WORDS.has(text.slice(w[0], w[1])));
      // …and the end of a place name before it ("区泉星公园" → "泉星公园", "路辉煌国际" → "辉煌国际")
      while (p.length > 1 && (lone(p[0]) || (p[0][1] - p[0][0] === 1 && PLACE_ENDS_LEFT.has(text[p[0][0]])))) p.shift();
      while (p.length > 1 && lone(p[p.length - 1])) p.pop();
      if (!p.length || (p.length === 1 && p[0][1] - p[0][0] < 2)) continue;
      const phrase = trimEdgeChars(text.slice(p[0][0], p[p.length - 1][1]));
      if (phrase.length < 2 || phrase.length > MAX_TERM) continue;
      votes.set(phrase, (votes.get(phrase) ?? 0) + weight);
    }
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  for (const [phrase] of ranked) if (common(phrase)) return phrase;
  return null;
}

/**
 * A function character at either edge, or a lone adverb or particle at the end, inside a word the
 * segmenter kept whole ("我先拿" → "先拿", "孩子只能站着太不" → "孩子只能站着"): never part of a
 * name there.
 */
function trimEdgeChars(phrase: string): string {
  // a generic word of the segmenter at an edge goes whole, not a character of it ("这样合理" →
  // "合理", "清理粪便昨天" → "清理粪便", not "样合理", "清理粪便昨")
  const words = phrase.length > 2 ? segment(phrase) : [];
  const first = words[0];
  const last = words[words.length - 1];
  let a = 0;
  let b = phrase.length;
  const wordy = (w: string) => GENERIC_WORDS.has(w) || EDGE_WORDS.has(w);
  if (words.length > 1 && first && phrase.startsWith(first) && wordy(first)) a = first.length;
  if (words.length > 1 && last && phrase.endsWith(last) && wordy(last) && b - last.length > a) b -= last.length;
  while (a < b && FUNCTION_CHARS.has(phrase[a]!)) a++;
  while (b > a && (FUNCTION_CHARS.has(phrase[b - 1]!) || LONE_WORDS.has(phrase[b - 1]!))) b--;
  return phrase.slice(a, b);
}

/** Characters of context segmented on each side of a term (enough for the words it cuts into). */
const WINDOW = 6;

/**
 * One term of one text as whole words (the classifier's explanation in the agent console: "什么材"
 * → "材料", "孩子报" → "孩子报名"): snapped as for hotspots, within a few characters around its
 * first occurrence. Null when it holds a function character or snaps to a function word only.
 */
export function wholeWordsOf(term: string, text: string): string | null {
  if ([...term].some((ch) => FUNCTION_CHARS.has(ch))) return null;
  const at = text.indexOf(term);
  if (at < 0) return term;
  const window = text.slice(Math.max(0, at - WINDOW), at + term.length + WINDOW);
  // the answer depends on the term and its window only: analysis re-reads the same text at each
  // pause in typing, and the segmenter pass is the costliest step of it
  const key = `${term}\u0000${window}`;
  const hit = snapped.get(key);
  if (hit !== undefined) return hit;
  const phrase = snapToWords(term, [window], new WordSpans(), () => true);
  const out = phrase && !EDGE_WORDS.has(phrase) ? phrase : null;
  if (snapped.size >= SNAPPED_MAX) snapped.delete(snapped.keys().next().value!);
  snapped.set(key, out);
  return out;
}
const snapped = new Map<string, string | null>();
const SNAPPED_MAX = 20_000;
