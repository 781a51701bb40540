// Group commit for intake. Tickets that arrive while a write is in progress are written together
// in the next statement (src/tickets/intake.repo.ts): one round trip and one commit for many
// tickets. Each caller is answered only after the statement holding its ticket has committed, so
// an acknowledged ticket is durable. If a group fails, its tickets are retried one by one (with
// the numbers already reserved for them) so a bad one cannot sink the rest.
// Numbers come first, from blocks reserved in statements of their own (NumberPool in
// numbering.ts): the day's counter row is then locked only for that short statement, not while
// the group is written, so groups are written in parallel on PostgreSQL, and under load most
// groups need no counter round trip at all. A crash, or a ticket that fails on its own, leaves
// numbers unused (gaps; numbers stay unique).
import type { Kysely } from 'kysely';
import type { DB, NewTicket, Ticket } from '../db/schema.ts';
import { NumberPool } from './numbering.ts';
import { intakeHooks } from './intake-hooks.ts';
import { insertIntakeGroup } from './intake.repo.ts';

export interface IntakeWrite {
  ticket: Omit<NewTicket, 'number'> & { id: string; number?: string };
  events: object[];
  units: { ticket_id: string; unit_id: string; role: string; assigned_at: Date }[];
}

interface Pending {
  item: IntakeWrite;
  resolve: (t: Ticket) => void;
  reject: (e: unknown) => void;
}

const MAX_GROUP = 200;

class IntakeWriter {
  private queue: Pending[] = [];
  private running = 0;
  private scheduled = false;
  private readonly numbers: NumberPool;
  constructor(
    private readonly db: Kysely<DB>,
    private readonly maxConcurrent: number,
    private readonly onError: (err: unknown) => void,
  ) {
    this.numbers = new NumberPool(db);
  }

  submit(item: IntakeWrite): Promise<Ticket> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // Start the group on the next turn of the event loop, after the I/O callbacks already
      // due: requests that arrived together then join one group. (PGlite runs a statement
      // without yielding to I/O, so starting at once would make every group a single ticket.)
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private pump() {
    while (this.running < this.maxConcurrent && this.queue.length > 0) {
      const group = this.queue.splice(0, MAX_GROUP);
      this.running++;
      void this.write(group).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async write(group: Pending[]) {
    let items: IntakeWrite[];
    try {
      const numbers = await this.numbers.take(group.map((p) => new Date(p.item.ticket.received_at)));
      items = group.map((p, i) => ({ ...p.item, ticket: { ...p.item.ticket, number: numbers[i] } }));
    } catch (e) {
      for (const p of group) p.reject(e);
      return;
    }
    try {
      const rows = await this.insert(items);
      group.forEach((p, i) => p.resolve(rows[i]));
    } catch (e) {
      if (group.length === 1) return group[0].reject(e);
      for (let i = 0; i < group.length; i++) {
        try {
          const [row] = await this.insert([items[i]]);
          group[i].resolve(row);
        } catch (err) {
          group[i].reject(err);
        }
      }
    }
    await intakeHooks.afterCommit(this.db, group.length).catch(this.onError);
  }

  private insert(items: IntakeWrite[]): Promise<Ticket[]> {
    return insertIntakeGroup(this.db, {
      tickets: items.map((it) => it.ticket),
      events: items.flatMap((it) => it.events) as Record<string, unknown>[],
      units: items.flatMap((it) => it.units),
    });
  }
}

const writers = new WeakMap<Kysely<DB>, IntakeWriter>();

/** Writes one new ticket (with its events and units) as part of the next group commit. */
export function writeIntake(db: Kysely<DB>, dbKind: 'pglite' | 'postgres', item: IntakeWrite, onError: (err: unknown) => void = () => {}): Promise<Ticket> {
  let w = writers.get(db);
  if (!w) {
    // PGlite has one connection: one group at a time. PostgreSQL: a few groups at once.
    w = new IntakeWriter(db, dbKind === 'pglite' ? 1 : Number(process.env.LIANXIN_INTAKE_WRITERS ?? 2), onError);
    writers.set(db, w);
  }
  return w.submit(item);
}
