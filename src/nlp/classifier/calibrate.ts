// Confidence calibration: the SVM's decision values become probabilities through a softmax with
// one temperature, fitted to minimise the log loss of out-of-fold decision values (temperature
// scaling, Guo et al. 2017). One parameter, so it cannot overfit and keeps the ranking.

export function softmax(scores: ArrayLike<number>, temperature: number): number[] {
  let max = -Infinity;
  for (let k = 0; k < scores.length; k++) if (scores[k] > max) max = scores[k];
  const e = Array.from(scores, (s) => Math.exp((s - max) / temperature));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

function logLoss(scores: ArrayLike<number>[], truth: number[], t: number): number {
  let loss = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    let max = -Infinity;
    for (let k = 0; k < s.length; k++) if (s[k] > max) max = s[k];
    let z = 0;
    for (let k = 0; k < s.length; k++) z += Math.exp((s[k] - max) / t);
    loss -= (s[truth[i]] - max) / t - Math.log(z);
  }
  return loss / Math.max(1, scores.length);
}

/** The temperature minimising log loss, by golden-section search over log T in [-6, 4]. */
export function fitTemperature(scores: ArrayLike<number>[], truth: number[]): number {
  if (!scores.length) return 1;
  const f = (lt: number) => logLoss(scores, truth, Math.exp(lt));
  const g = (Math.sqrt(5) - 1) / 2;
  let a = -6;
  let b = 4;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 60; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return Math.exp((a + b) / 2);
}
