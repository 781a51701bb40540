// The terms shown to the agent as "what drove the decision": the classifier explains itself in
// character n-grams, and many of them straddle a function word ("的路灯", "有很浓", "道里有"), which
// reads as noise. Function characters are trimmed off both edges, what is left must keep two
// characters, and a term inside a stronger one already shown is not repeated.
import { FUNCTION_CHARS } from '../hotspots/display-terms.ts';

function trimEdges(term: string): string {
  const chars = [...term];
  let a = 0;
  let b = chars.length;
  while (a < b && FUNCTION_CHARS.has(chars[a])) a++;
  while (b > a && FUNCTION_CHARS.has(chars[b - 1])) b--;
  return chars.slice(a, b).join('');
}

/** Readable terms from weighted n-grams (strongest first), at most `n`. */
export function readableTerms(terms: string[], n = 5): string[] {
  const out: string[] = [];
  for (const raw of terms) {
    if (out.length >= n) break;
    const t = trimEdges(raw);
    if ([...t].length < 2 || out.some((o) => o.includes(t))) continue;
    // a longer term replaces the shorter ones it holds
    for (let i = out.length - 1; i >= 0; i--) if (t.includes(out[i])) out.splice(i, 1);
    out.push(t);
  }
  return out;
}
