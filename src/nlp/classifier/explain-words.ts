// The terms shown to the agent as "what drove the decision": the classifier explains itself in
// character n-grams ("道里有", "什么材", "孩子报"), which read as noise. Each is snapped to the whole
// words of the text it came from (display-terms.ts: n-grams holding a function character are
// dropped, the rest widened to the words they cut into, function words trimmed off the edges),
// and a term inside a stronger one already shown is not repeated.
import { GENERIC_WORDS, wholeWordsOf } from '../hotspots/display-terms.ts';

/** Readable terms of `text` from its weighted n-grams (strongest first), at most `n`. */
export function readableTerms(terms: string[], text: string, n = 5): string[] {
  const out: string[] = [];
  for (const raw of terms) {
    if (out.length >= n) break;
    // digit runs are read as "0" ("路0号"): such a term is a house number, not a reason
    if (/\d/.test(raw)) continue;
    const t = wholeWordsOf(raw, text);
    if (!t || [...t].length < 2 || /\d/.test(t) || GENERIC_WORDS.has(t) /* true to the weights, but no reason an agent can check */ || out.some((o) => o.includes(t))) continue;
    // a longer term replaces the shorter ones it holds
    for (let i = out.length - 1; i >= 0; i--) if (t.includes(out[i])) out.splice(i, 1);
    out.push(t);
  }
  return out;
}
