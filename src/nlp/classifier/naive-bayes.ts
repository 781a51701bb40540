// Multinomial naive Bayes over character 1–2-grams: the baseline the issue quotes (macro-F1
// 0.77 on the held-out set). Kept for comparison in `npm run eval:classify`, not for production.
import { normalize } from '../normalize.ts';

export interface NbModel {
  labels: string[];
  logPrior: number[];
  /** feature → per-class log likelihood */
  logLik: Map<string, Float64Array>;
}

function grams(text: string): string[] {
  const chars = Array.from(normalize(text).replace(/\s+/g, ''));
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    out.push(chars[i]);
    if (i + 1 < chars.length) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}

export function trainNaiveBayes(texts: string[], labels: string[], alpha = 1): NbModel {
  const classes = [...new Set(labels)].sort();
  const K = classes.length;
  const ci = new Map(classes.map((c, i) => [c, i]));
  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(K);
  const docs = new Float64Array(K);
  texts.forEach((t, i) => {
    const k = ci.get(labels[i])!;
    docs[k]++;
    for (const g of grams(t)) {
      let c = counts.get(g);
      if (!c) counts.set(g, (c = new Float64Array(K)));
      c[k]++;
      totals[k]++;
    }
  });
  const V = counts.size;
  const denom = Array.from(totals, (t) => Math.log(t + alpha * V));
  const logLik = new Map<string, Float64Array>();
  for (const [g, c] of counts) logLik.set(g, Float64Array.from(c, (x, k) => Math.log(x + alpha) - denom[k]));
  return {
    labels: classes,
    logPrior: Array.from(docs, (d) => Math.log(d / texts.length)),
    logLik,
  };
}

export function predictNaiveBayes(m: NbModel, text: string): string {
  const s = [...m.logPrior];
  for (const g of grams(text)) {
    const l = m.logLik.get(g);
    if (!l) continue; // unseen in training: the same for every class up to the denominator; skip
    for (let k = 0; k < s.length; k++) s[k] += l[k];
  }
  let best = 0;
  for (let k = 1; k < s.length; k++) if (s[k] > s[best]) best = k;
  return m.labels[best];
}
