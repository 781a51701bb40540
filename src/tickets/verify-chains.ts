// Checks every ticket's event chain: sequence unbroken, each hash recomputes, each event points
// at the previous one, and the ticket's head hash is the last event's; and that no event or unit
// link points at a ticket, user or unit that is not there.
import type { Deps } from '../server/deps.ts';
import { eventHash, hashFieldsOf } from './events.ts';
import { orphanedLogRows } from './tickets.repo.ts';

export interface ChainProblem {
  ticketId: string;
  number: string;
  seq: number | null;
  problem: string;
}

export async function verifyChains(
  deps: Deps,
  opts: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ tickets: number; events: number; problems: ChainProblem[] }> {
  const batch = opts.batchSize ?? 500;
  const { total } = await deps.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const problems: ChainProblem[] = [];
  let after = '';
  let done = 0;
  let events = 0;
  for (;;) {
    const tickets = await deps.db
      .selectFrom('tickets')
      .select(['id', 'number', 'last_hash', 'event_count'])
      .where('id', '>', after || '00000000-0000-0000-0000-000000000000')
      .orderBy('id')
      .limit(batch)
      .execute();
    if (tickets.length === 0) break;
    const rows = await deps.db
      .selectFrom('ticket_events')
      .selectAll()
      .where('ticket_id', 'in', tickets.map((t) => t.id))
      .orderBy('ticket_id')
      .orderBy('seq')
      .execute();
    const byTicket = new Map<string, typeof rows>();
    for (const r of rows) {
      const list = byTicket.get(r.ticket_id) ?? [];
      list.push(r);
      byTicket.set(r.ticket_id, list);
    }
    for (const t of tickets) {
      const list = byTicket.get(t.id) ?? [];
      events += list.length;
      let prev: string | null = null;
      list.forEach((e, i) => {
        if (e.seq !== i + 1) problems.push({ ticketId: t.id, number: t.number, seq: e.seq, problem: `expected seq ${i + 1}` });
        if (e.prev_hash !== prev) problems.push({ ticketId: t.id, number: t.number, seq: e.seq, problem: 'prev_hash does not match previous event' });
        if (eventHash(hashFieldsOf(e)) !== e.hash) problems.push({ ticketId: t.id, number: t.number, seq: e.seq, problem: 'hash does not match content' });
        prev = e.hash;
      });
      if (list.length !== t.event_count) problems.push({ ticketId: t.id, number: t.number, seq: null, problem: `ticket says ${t.event_count} events, found ${list.length}` });
      if ((t.last_hash ?? null) !== prev) problems.push({ ticketId: t.id, number: t.number, seq: null, problem: 'head hash does not match last event' });
    }
    done += tickets.length;
    after = tickets[tickets.length - 1].id;
    opts.onProgress?.(done, total);
  }
  for (const o of await orphanedLogRows(deps.db)) problems.push({ ticketId: o.ticket_id, number: '', seq: o.seq, problem: o.kind });
  return { tickets: done, events, problems };
}
