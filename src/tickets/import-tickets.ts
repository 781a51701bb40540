// History import: past tickets (e.g. from the previous 12345 system) loaded as closed tickets
// with their own received and reply times. Idempotent by source id (source_ref); numbers are
// reserved per day in one statement per batch; events are chained like any other ticket's.
import { randomUUID } from 'node:crypto';
import type { Deps } from '../server/deps.ts';
import type { NewTicket } from '../db/schema.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { reserveNumbers } from './numbering.ts';
import { chainEvents, type EventInput } from './events.ts';
import { deriveTitle } from './create-ticket.ts';

export interface ImportRow {
  sourceId: string;
  title?: string;
  content: string;
  receivedAt: Date;
  reply?: string;
  repliedAt?: Date;
  phone?: string;
  categoryCode?: string;
  divisionCode?: string;
  unitId?: string;
  type?: string;
  channel?: string;
}

/** "2019/4/25 9:32:09", "2019-04-25 09:32", ISO with offset; times without offset are Beijing time. */
export function parseChinaTime(s: unknown): Date | null {
  if (typeof s !== 'string' && typeof s !== 'number') return null;
  const text = String(s).trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/.exec(text);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', se = '0'] = m;
    const t = Date.UTC(+y, +mo - 1, +d, +h - 8, +mi, +se);
    return Number.isNaN(t) ? null : new Date(t);
  }
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : new Date(t);
}

export async function importBatch(deps: Deps, rows: ImportRow[]): Promise<{ inserted: number; skipped: number }> {
  if (rows.length === 0) return { inserted: 0, skipped: 0 };
  const existing = new Set(
    (await deps.db.selectFrom('tickets').select('source_ref').where('source_ref', 'in', rows.map((r) => r.sourceId)).execute()).map((r) => r.source_ref),
  );
  const fresh = rows.filter((r, i) => !existing.has(r.sourceId) && rows.findIndex((x) => x.sourceId === r.sourceId) === i);
  if (fresh.length === 0) return { inserted: 0, skipped: rows.length };

  const numbers = await reserveNumbers(deps.db, fresh.map((r) => r.receivedAt));

  const tickets: NewTicket[] = [];
  const events: ReturnType<typeof chainEvents>['rows'] = [];
  const units: { ticket_id: string; unit_id: string; role: string; assigned_at: Date }[] = [];
  for (const [k, r] of fresh.entries()) {
    const id = randomUUID();
    const replied = r.reply ? (r.repliedAt ?? r.receivedAt) : null;
    const items: Omit<EventInput, 'ticketId'>[] = [
      { action: 'receive', toStatus: 'received', actor: SYSTEM_ACTOR, at: r.receivedAt, public: true, data: { imported: true, sourceId: r.sourceId } },
    ];
    if (replied) {
      items.push({ action: 'reply', toStatus: 'replied', actor: SYSTEM_ACTOR, at: replied, public: true, note: r.reply, data: { imported: true } });
    }
    items.push({ action: 'close', toStatus: 'closed', actor: SYSTEM_ACTOR, at: replied ?? r.receivedAt, public: true, data: { imported: true } });
    const chain = chainEvents({ ticketId: id, seq: 0, prevHash: null, status: 'received' }, items, r.receivedAt);
    events.push(...chain.rows);
    if (r.unitId) units.push({ ticket_id: id, unit_id: r.unitId, role: 'lead', assigned_at: r.receivedAt });
    tickets.push({
      id,
      number: numbers[k],
      channel: r.channel ?? 'import',
      request_type: r.type ?? 'help',
      urgency: 'general',
      category_code: r.categoryCode ?? null,
      title: (r.title || deriveTitle(r.content)).slice(0, 100),
      content: r.content,
      division_code: r.divisionCode ?? null,
      contact_phone: r.phone ?? null,
      status: 'closed',
      lead_unit_id: r.unitId ?? null,
      received_at: r.receivedAt,
      dispatched_at: r.unitId ? r.receivedAt : null,
      replied_at: replied,
      reply_text: r.reply ?? null,
      closed_at: replied ?? r.receivedAt,
      source_ref: r.sourceId,
      last_hash: chain.lastHash,
      event_count: chain.seq,
    });
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('tickets').values(tickets).execute();
    for (let i = 0; i < events.length; i += 1000) await trx.insertInto('ticket_events').values(events.slice(i, i + 1000)).execute();
    if (units.length) await trx.insertInto('ticket_units').values(units).execute();
  });
  return { inserted: fresh.length, skipped: rows.length - fresh.length };
}
