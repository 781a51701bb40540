// Small helpers for the multi-node checks.

export function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of items) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
}

/** Splits LX + yyyymmdd + 6-digit numbers into days, each with its sorted sequence numbers. */
export function numberRuns(numbers: string[]): { day: string; seqs: number[] }[] {
  const days = new Map<string, number[]>();
  for (const n of numbers) {
    const m = /^LX(\d{8})(\d{6})$/.exec(n);
    if (!m) throw new Error(`not a ticket number: ${n}`);
    days.set(m[1], [...(days.get(m[1]) ?? []), Number(m[2])]);
  }
  return [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, seqs]) => ({ day, seqs: seqs.sort((a, b) => a - b) }));
}

/** Polls `cond` every 250 ms until it holds; throws after `ms`. */
export async function waitFor(cond: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
