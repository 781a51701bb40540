// Chinese word segmentation: Intl.Segmenter (ICU's dictionary, built into Node, no download)
// plus a user dictionary of the deployment's own terms (division names, unit names, category
// terms) that must stay whole: "暮云街道" or "市人社局" would otherwise be split into pieces.
// Dictionary terms are matched first (longest match wins); the text between them goes to ICU.
import { normalize } from './normalize.ts';

export class UserDictionary {
  private readonly terms = new Set<string>();
  /** first character → candidate term lengths, longest first */
  private readonly lengths = new Map<string, number[]>();

  constructor(terms: Iterable<string> = []) {
    this.add(terms);
  }

  /** Adds terms at runtime (normalised the same way as texts); one-character terms are ignored. */
  add(terms: Iterable<string>): this {
    for (const raw of terms) {
      const t = normalize(raw).replace(/\s+/g, '');
      if ([...t].length < 2 || this.terms.has(t)) continue;
      this.terms.add(t);
      const first = t[0];
      const ls = this.lengths.get(first) ?? [];
      if (!ls.includes(t.length)) {
        ls.push(t.length);
        ls.sort((a, b) => b - a);
      }
      this.lengths.set(first, ls);
    }
    return this;
  }

  has(term: string): boolean {
    return this.terms.has(term);
  }

  get size(): number {
    return this.terms.size;
  }

  /** The longest dictionary term starting at `i`, or undefined. */
  matchAt(text: string, i: number): string | undefined {
    const ls = this.lengths.get(text[i]);
    if (!ls) return undefined;
    for (const len of ls) {
      if (i + len > text.length) continue;
      const cand = text.slice(i, i + len);
      if (this.terms.has(cand)) return cand;
    }
    return undefined;
  }
}

/** The process-wide dictionary: other modules add division/unit/category names at start-up. */
export const userDictionary = new UserDictionary();

/** Adds terms to the process-wide dictionary. */
export function addUserTerms(terms: Iterable<string>): void {
  userDictionary.add(terms);
}

let icu: Intl.Segmenter | undefined;
function icuSegmenter(): Intl.Segmenter {
  icu ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return icu;
}

function pushIcuWords(out: string[], piece: string): void {
  if (!piece.trim()) return;
  for (const s of icuSegmenter().segment(piece)) if (s.isWordLike) out.push(s.segment);
}

/**
 * Word tokens of an already normalised text (see normalize()). Punctuation and spaces are
 * dropped; dictionary terms come out whole.
 */
export function segment(text: string, dict: UserDictionary = userDictionary): string[] {
  const out: string[] = [];
  if (!text) return out;
  if (dict.size === 0) {
    pushIcuWords(out, text);
    return out;
  }
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const term = dict.matchAt(text, i);
    if (term) {
      pushIcuWords(out, text.slice(start, i));
      out.push(term);
      i += term.length;
      start = i;
    } else {
      i++;
    }
  }
  pushIcuWords(out, text.slice(start));
  return out;
}
