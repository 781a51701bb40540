// Auto-dispatch threshold: the lowest confidence at which the predictions at or above it were
// right often enough on held-out (out-of-fold) history. Below it a ticket goes to the dispatcher
// queue with the top suggestions. Never below 0.5: on easy history nearly every held-out
// prediction is right, so the cumulative precision would allow a threshold of 0.3, and a ticket
// the model itself thinks more likely wrong than right would go out with no human.

export interface HeldOutPrediction {
  confidence: number;
  correct: boolean;
}

export interface ThresholdChoice {
  /** null when no threshold reaches the target with enough support: never auto-dispatch */
  threshold: number | null;
  /** precision of the predictions with confidence ≥ threshold */
  precision: number;
  /** share of all predictions with confidence ≥ threshold (how much would be auto-dispatched) */
  coverage: number;
  /** how many held-out predictions are at or above the threshold */
  support: number;
  targetPrecision: number;
  total: number;
}

/** The lowest threshold ever chosen: the model must think its answer likelier than all others together. */
export const MIN_THRESHOLD = 0.5;

/**
 * Scans confidences from high to low and keeps the lowest threshold (≥ minConfidence) whose precision
 * (correct / predictions with confidence ≥ threshold) is ≥ targetPrecision, with at least
 * `minSupport` predictions above it. Ties in confidence are taken together (a threshold cannot
 * split them).
 */
export function chooseThreshold(
  predictions: HeldOutPrediction[],
  targetPrecision = 0.95,
  minSupport = 20,
  minConfidence = MIN_THRESHOLD,
): ThresholdChoice {
  const total = predictions.length;
  const sorted = [...predictions].filter((p) => Number.isFinite(p.confidence)).sort((a, b) => b.confidence - a.confidence);
  let best: ThresholdChoice = { threshold: null, precision: 0, coverage: 0, support: 0, targetPrecision, total };
  let correct = 0;
  let i = 0;
  while (i < sorted.length) {
    const c = sorted[i].confidence;
    if (c < minConfidence) break;
    while (i < sorted.length && sorted[i].confidence === c) {
      if (sorted[i].correct) correct++;
      i++;
    }
    const precision = correct / i;
    if (i >= minSupport && precision >= targetPrecision) {
      best = { threshold: c, precision, coverage: total ? i / total : 0, support: i, targetPrecision, total };
    }
  }
  return best;
}
