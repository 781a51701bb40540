// Group commit for intake. Tickets that arrive while a write is in progress are written together
// in the next transaction: one BEGIN/COMMIT (one fsync) for many tickets. Each caller is answered
// only after the transaction holding its ticket has committed, so an acknowledged ticket is
// durable. If a group fails, its tickets are retried one by one so a bad one cannot sink the rest.
// Ticket numbers are taken inside the group's transaction, a block per day.
import type { Kysely, Transaction } from 'kysely';
import type { DB, NewTicket, Ticket } from '../db/schema.ts';
import { reserveNumbers } from './numbering.ts';
import { intakeHooks } from './intake-hooks.ts';

export interface IntakeWrite {
  ticket: Omit<NewTicket, 'number'>;
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
  constructor(
    private readonly db: Kysely<DB>,
    private readonly maxConcurrent: number,
  ) {}

  private scheduled = false;

  submit(item: IntakeWrite): Promise<Ticket> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // Start the group on the next turn of the event loop, after the I/O callbacks already
      // due: requests that arrived together then join one group. (PGlite runs a transaction
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
    try {
      const rows = await this.db.transaction().execute((trx) => this.insert(trx, group.map((p) => p.item)));
      group.forEach((p, i) => p.resolve(rows[i]));
    } catch (e) {
      if (group.length === 1) return group[0].reject(e);
      for (const p of group) {
        try {
          const [row] = await this.db.transaction().execute((trx) => this.insert(trx, [p.item]));
          p.resolve(row);
        } catch (err) {
          p.reject(err);
        }
      }
    }
  }

  private async insert(trx: Transaction<DB>, items: IntakeWrite[]): Promise<Ticket[]> {
    const numbers = await reserveNumbers(trx, items.map((it) => new Date(it.ticket.received_at)));
    const values: NewTicket[] = items.map((it, k) => ({ ...it.ticket, number: numbers[k] }));
    const rows = await trx.insertInto('tickets').values(values).returningAll().execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    await trx.insertInto('ticket_events').values(items.flatMap((it) => it.events) as never).execute();
    const units = items.flatMap((it) => it.units);
    if (units.length) await trx.insertInto('ticket_units').values(units).execute();
    const ordered = values.map((v) => byId.get(v.id!)!);
    await intakeHooks.afterInsert(trx, ordered);
    return ordered;
  }
}

const writers = new WeakMap<Kysely<DB>, IntakeWriter>();

/** Writes one new ticket (with its events and units) as part of the next group commit. */
export function writeIntake(db: Kysely<DB>, dbKind: 'pglite' | 'postgres', item: IntakeWrite): Promise<Ticket> {
  let w = writers.get(db);
  if (!w) {
    // PGlite has one connection: one group at a time. PostgreSQL: a few groups in parallel.
    w = new IntakeWriter(db, dbKind === 'pglite' ? 1 : Number(process.env.LIANXIN_INTAKE_WRITERS ?? 4));
    writers.set(db, w);
  }
  return w.submit(item);
}
