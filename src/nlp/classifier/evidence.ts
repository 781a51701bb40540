// Thin evidence. A text's TF-IDF vector is l2-normalised before scoring, so a text holding one or
// two known n-grams ("今天天气很好" → 天气) is scored as if it were a whole ticket made of them,
// and its softmax can be as sure as a long, clear one. Such texts lie outside what the model
// learned from: below the evidence of all but the thinnest 5% of the training texts, the confidence fades towards
// uniform in proportion — the scores are scaled by norm / floor (the same as a higher temperature),
// which keeps the ranking (so labels and macro-F1 are unchanged) but keeps a thin text from being
// decided without a human. The floor is a low quantile of the training texts' norms, stored in the
// model; models without it are read as before.

/** The share of training texts allowed below the floor. */
export const EVIDENCE_QUANTILE = 0.05;

/** The floor: the `q` quantile of the training texts' pre-normalisation norms (0 when none). */
export function evidenceFloor(norms: ArrayLike<number>, q = EVIDENCE_QUANTILE): number {
  const s = Float64Array.from(norms).sort();
  if (!s.length) return 0;
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
}

/** The factor on a text's scores: 1 at or above the floor (or with no floor), norm / floor below it. */
export function evidenceScale(norm: number | undefined, floor: number | undefined): number {
  if (!floor || norm === undefined || !(norm < floor)) return 1;
  return Math.max(0, norm / floor);
}
