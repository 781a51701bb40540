// Ticket numbers: LX + Shanghai date + 6-digit daily sequence (LX20261123000123). A day's counter
// row is bumped atomically with INSERT … ON CONFLICT, reserving a block for several tickets at
// once, so numbers stay unique across app nodes.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

export const NUMBER_PREFIX = 'LX';

export function shanghaiDay(d: Date): string {
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return s.slice(0, 10).replaceAll('-', '');
}

/** Numbers for tickets received at `times`, in the same order. */
export async function reserveNumbers(db: Kysely<DB> | Transaction<DB>, times: Date[]): Promise<string[]> {
  const days = times.map(shanghaiDay);
  const perDay = new Map<string, number>();
  for (const d of days) perDay.set(d, (perDay.get(d) ?? 0) + 1);
  const next = new Map<string, number>();
  // Sorted, so concurrent reservations lock counter rows in the same order (no deadlock).
  for (const [day, n] of [...perDay].sort(([a], [b]) => a.localeCompare(b))) next.set(day, await reserveRange(db, day, n));
  return days.map((day) => {
    const seq = next.get(day)!;
    next.set(day, seq + 1);
    return `${NUMBER_PREFIX}${day}${String(seq).padStart(6, '0')}`;
  });
}

/**
 * Numbers for intake, handed out from blocks this app node has reserved. When tickets arrive
 * faster than a few per second, a block covers about a tenth of a second of this node's intake
 * (so a group does not wait for a counter round trip of its own); at a trickle a block is one
 * number, reserved when needed. Blocks are only taken ahead for the current day. Numbers stay
 * unique across nodes; the unused rest of a block is a gap if the process stops (as a crash
 * between reserving and writing already can leave one).
 */
export class NumberPool {
  /** Unused reserved numbers per day: [next, end) ranges in reservation order. */
  private free = new Map<string, [number, number][]>();
  private windowStart = 0;
  private windowCount = 0;
  private rate = 0;
  private reserving: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: () => number = Date.now,
    private readonly maxBlock = 500,
  ) {}

  /** Numbers for tickets received at `times`, in the same order. */
  async take(times: Date[]): Promise<string[]> {
    this.count(times.length);
    const days = times.map(shanghaiDay);
    const need = new Map<string, number>();
    for (const d of days) need.set(d, (need.get(d) ?? 0) + 1);
    const today = shanghaiDay(new Date(this.now()));
    const got = new Map<string, number[]>();
    for (const day of [...need.keys()].sort()) {
      const n = need.get(day)!;
      // One reservation or hand-out at a time per node: concurrent groups share a block and
      // never take the same number.
      const run = this.reserving.then(async () => {
        const short = n - this.available(day);
        if (short > 0) {
          const ahead = day === today ? Math.min(this.maxBlock, Math.ceil(this.rate / 10)) : 0;
          const size = Math.max(short, ahead);
          const first = await reserveRange(this.db, day, size);
          const ranges = this.free.get(day) ?? [];
          ranges.push([first, first + size]);
          this.free.set(day, ranges);
        }
        got.set(day, Array.from({ length: n }, () => this.next(day)));
      });
      this.reserving = run.catch(() => {});
      await run;
    }
    for (const day of this.free.keys()) if (day < today && this.available(day) === 0) this.free.delete(day);
    return days.map((day) => `${NUMBER_PREFIX}${day}${String(got.get(day)!.shift()).padStart(6, '0')}`);
  }

  private available(day: string): number {
    let s = 0;
    for (const [a, b] of this.free.get(day) ?? []) s += b - a;
    return s;
  }

  private next(day: string): number {
    const ranges = this.free.get(day)!;
    const r = ranges[0];
    const seq = r[0]++;
    if (r[0] >= r[1]) ranges.shift();
    return seq;
  }

  /** Tickets per second over the last whole second. */
  private count(n: number) {
    const t = this.now();
    if (t - this.windowStart >= 1000) {
      this.rate = t - this.windowStart < 2000 ? this.windowCount : 0;
      this.windowStart = t;
      this.windowCount = 0;
    }
    this.windowCount += n;
  }
}

/** Reserves `n` consecutive numbers of a day; returns the first. */
async function reserveRange(db: Kysely<DB> | Transaction<DB>, day: string, n: number): Promise<number> {
  const r = await db
    .insertInto('ticket_number_seq')
    .values({ day, last: n })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`ticket_number_seq.last + ${n}` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return r.last - n + 1;
}
