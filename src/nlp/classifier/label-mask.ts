// Labels not possible for an example (a unit that cannot act in the ticket's place): their
// scores are set so low that the softmax gives them nothing, the same in training's held-out
// predictions and in classify(…, allowed).

/** The score of a label that is not possible: exp((MASKED − max) / T) is 0. */
export const MASKED = -1e9;

/** 1 for each label index that is allowed; null when none of `allowed` is a label (no mask). */
export function maskOf(allowed: Iterable<string>, index: ReadonlyMap<string, number>): Uint8Array | null {
  const mask = new Uint8Array(index.size);
  let any = false;
  for (const l of allowed) {
    const k = index.get(l);
    if (k !== undefined) {
      mask[k] = 1;
      any = true;
    }
  }
  return any ? mask : null;
}
