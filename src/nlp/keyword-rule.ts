// Admin keywords for categories the models have not learned. A category added by an administrator
// after the last training (or one with too little history to be a class of its own) cannot be
// predicted by a model trained on history; its keywords are the only signal there is. So: when the
// text holds a keyword of such a category, that category is what the request is, provided it lies
// in the level-1 branch the category model decided (the model is trusted at the level its
// threshold was chosen for; the keyword refines inside it) and the model gave no deeper learned
// answer that the keyword would contradict (unless the category is new since the training: see
// hitPlace). Otherwise the keyword category is only offered as an alternative. Once enough closed tickets carry the category, a
// retrain learns it and the model takes over.
import { withoutContactDetails } from './contact-details.ts';
import type { CategoryRow } from './analyze-rules.ts';
import { chainOf } from '../orgs/category-chain.ts';

export interface KeywordHit {
  code: string;
  name: string;
  /** the admin keyword found in the text */
  keyword: string;
  /** the level-1 category it belongs to */
  levelOne: string;
  /** its keywords were set after `since` (the model's training): the model cannot know it */
  isNew: boolean;
}

const SPLIT = /[\s,，、;；]+/;

interface Prepared {
  byCode: Map<string, CategoryRow>;
  rules: { keyword: string; cat: CategoryRow; len: number }[];
  /** rule numbers by their keyword's first two UTF-16 units (c0 · 65536 + c1), ascending */
  byHead: Map<number, number[]>;
  /** scratch of unlearnedKeywordHit: the rules found in the text */
  hit: Uint8Array;
}
const cache = new WeakMap<CategoryRow[], WeakMap<ReadonlySet<string>, Prepared>>();

function prepare(cats: CategoryRow[], learned: ReadonlySet<string>): Prepared {
  let byLearned = cache.get(cats);
  if (!byLearned) cache.set(cats, (byLearned = new WeakMap()));
  let p = byLearned.get(learned);
  if (!p) {
    const rules: Prepared['rules'] = [];
    for (const c of cats) {
      if (learned.has(c.code)) continue;
      for (const k of new Set(c.keywords.split(SPLIT))) if ([...k].length >= 2) rules.push({ keyword: k, cat: c, len: [...k].length });
    }
    const byHead = new Map<number, number[]>();
    rules.forEach((r, i) => {
      const head = r.keyword.charCodeAt(0) * 65536 + r.keyword.charCodeAt(1);
      const l = byHead.get(head);
      if (l) l.push(i);
      else byHead.set(head, [i]);
    });
    p = { byCode: categoriesByCode(cats), rules, byHead, hit: new Uint8Array(rules.length) };
    byLearned.set(learned, p);
  }
  return p;
}

const codeMaps = new WeakMap<CategoryRow[], Map<string, CategoryRow>>();
/** The categories by code (one Map per cached category list). */
export function categoriesByCode(cats: CategoryRow[]): Map<string, CategoryRow> {
  let m = codeMaps.get(cats);
  if (!m) codeMaps.set(cats, (m = new Map(cats.map((c) => [c.code, c]))));
  return m;
}

const chain = (code: string, byCode: Map<string, CategoryRow>) => chainOf(code, byCode, (c) => c.parent_code);

/** `code`'s ancestors among the active categories (parent first). */
export function ancestorsOf(code: string, byCode: Map<string, CategoryRow>): string[] {
  return chain(code, byCode).slice(0, -1).reverse();
}

/**
 * Where a keyword hit stands against the model's first answer `top`:
 *   'first'  it is what the request is (and intake may dispatch by it): inside top's level-1
 *            branch, and top is only a level-1 answer, or the hit is deeper under top, or the hit is
 *            new since the model was trained (a sibling the model could not have known);
 *   'second' offered as an alternative (another branch, or a learned deeper answer stands);
 *   'none'   it is an ancestor of top, less than the model already said.
 */
export function hitPlace(hit: KeywordHit, top: string, byCode: Map<string, CategoryRow>): 'first' | 'second' | 'none' {
  const topAncestors = ancestorsOf(top, byCode);
  if (topAncestors.includes(hit.code)) return 'none';
  if (levelOneCode(top, byCode) !== hit.levelOne) return 'second';
  if (topAncestors.length === 0 || ancestorsOf(hit.code, byCode).includes(top) || hit.isNew) return 'first';
  return 'second';
}

/** The level-1 ancestor of a category (itself at level 1), following parent codes. */
export function levelOneCode(code: string, byCode: Map<string, CategoryRow>): string {
  return chain(code, byCode)[0] ?? code;
}

/**
 * The unlearned category whose keywords the (normalised) text holds most of (by their total
 * length); a deeper category breaks a tie, and two different categories tied on both is no answer.
 * `keyword` is that category's longest keyword found.
 */
export function unlearnedKeywordHit(raw: string, cats: CategoryRow[], learned: ReadonlySet<string>, since?: Date): KeywordHit | null {
  const { byCode, rules, byHead, hit } = prepare(cats, learned);
  // (the writer's own ID and phone numbers are no keyword of the matter: 身份证3509…)
  const text = withoutContactDetails(raw);
  // one walk of the text: at each position only the keywords starting with its two characters
  // are compared (was: a scan of the whole text per keyword, ~500 of them in the demo tree)
  const hits: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const l = byHead.get(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1));
    if (!l) continue;
    for (const r of l) {
      if (hit[r] || !text.startsWith(rules[r].keyword, i)) continue;
      hit[r] = 1;
      hits.push(r);
    }
  }
  hits.sort((a, b) => a - b); // rule order, as a scan rule by rule finds them
  const found = new Map<CategoryRow, { score: number; keyword: string; len: number }>();
  for (const i of hits) {
    const r = rules[i];
    hit[i] = 0;
    const f = found.get(r.cat);
    if (!f) found.set(r.cat, { score: r.len, keyword: r.keyword, len: r.len });
    else {
      f.score += r.len;
      if (r.len > f.len) [f.keyword, f.len] = [r.keyword, r.len];
    }
  }
  let best: [CategoryRow, { score: number; keyword: string }] | null = null;
  let tied = false;
  for (const e of found) {
    const d = best ? e[1].score - best[1].score || e[0].level - best[0].level : 1;
    if (d > 0) [best, tied] = [e, false];
    else if (d === 0) tied = true;
  }
  if (!best || tied) return null;
  const [c, f] = best;
  const at = c.keywords_at ? new Date(c.keywords_at).getTime() : NaN;
  return { code: c.code, name: c.name, keyword: f.keyword, levelOne: levelOneCode(c.code, byCode), isNew: !!since && at > since.getTime() };
}
