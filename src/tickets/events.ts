// The append-only event log of a ticket. Every event carries the hash of the previous event of
// the same ticket, so any later edit or deletion breaks the chain (`lianxin audit verify`).
import * as nodeCrypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { isSystem, isVirtual } from '../auth/actor.ts';
import { AppError } from '../shared/errors.ts';

export interface EventInput {
  ticketId: string;
  action: string;
  /** Defaults to the ticket's current status (an event that does not move the ticket). */
  toStatus?: string;
  actor: Actor;
  note?: string | null;
  data?: Record<string, unknown>;
  attachments?: string[];
  public?: boolean;
  at?: Date;
}

/** JSON with object keys sorted at every depth, so the hash does not depend on storage order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashFields {
  ticket_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_role: string;
  actor_unit_id: string | null;
  at: Date;
  note: string | null;
  data: unknown;
  attachments: unknown;
  public: boolean;
  prev_hash: string | null;
}

/** Exactly the stored columns that the hash covers. */
export function hashFieldsOf(e: HashFields): HashFields {
  return {
    ticket_id: e.ticket_id, seq: e.seq, action: e.action, from_status: e.from_status, to_status: e.to_status,
    actor_id: e.actor_id, actor_role: e.actor_role, actor_unit_id: e.actor_unit_id, at: e.at, note: e.note,
    data: e.data, attachments: e.attachments, public: e.public, prev_hash: e.prev_hash,
  };
}

const HASH_KEYS: (keyof HashFields)[] = [
  'action', 'actor_id', 'actor_role', 'actor_unit_id', 'at', 'attachments', 'data', 'from_status', 'note', 'prev_hash', 'public', 'seq', 'ticket_id', 'to_status',
];

/**
 * canonicalJson of the hash fields (with `at` as an ISO string), written out directly: the keys
 * of HashFields in sorted order, so only `data` and `attachments` need the general walk. Must
 * stay byte-for-byte equal to canonicalJson (events.test.ts checks it): stored chains depend on it.
 */
export function hashBody(e: HashFields, dataJson = canonicalJson(e.data), attachmentsJson = canonicalJson(e.attachments)): string {
  if (HASH_KEYS.some((k) => e[k] === undefined)) return canonicalJson({ ...e, at: new Date(e.at).toISOString() });
  const j = (v: unknown) => (v === undefined ? 'null' : JSON.stringify(v));
  return `{"action":${j(e.action)},"actor_id":${j(e.actor_id)},"actor_role":${j(e.actor_role)},"actor_unit_id":${j(e.actor_unit_id)},`
    + `"at":${JSON.stringify(new Date(e.at).toISOString())},"attachments":${attachmentsJson},"data":${dataJson},`
    + `"from_status":${j(e.from_status)},"note":${j(e.note)},"prev_hash":${j(e.prev_hash)},"public":${j(e.public)},"seq":${j(e.seq)},`
    + `"ticket_id":${j(e.ticket_id)},"to_status":${j(e.to_status)}}`;
}

/** SHA-256 hex of a string; the one-shot crypto.hash where Node has it (less overhead per call). */
const sha256Hex: (s: string) => string = typeof (nodeCrypto as { hash?: unknown }).hash === 'function'
  ? (s) => (nodeCrypto as unknown as { hash: (alg: string, data: string, enc: string) => string }).hash('sha256', s, 'hex')
  : (s) => nodeCrypto.createHash('sha256').update(s).digest('hex');

export function eventHash(e: HashFields, dataJson?: string, attachmentsJson?: string): string {
  return sha256Hex(hashBody(e, dataJson, attachmentsJson));
}

/** Builds the rows for a run of events that continue a chain at (seq, prevHash). Pure. */
export function chainEvents(
  head: { ticketId: string; seq: number; prevHash: string | null; status: string },
  items: Omit<EventInput, 'ticketId'>[],
  nowFallback: Date,
) {
  let prev = head.prevHash;
  let status = head.status;
  let seq = head.seq;
  const rows = items.map((input) => {
    seq += 1;
    const fields: HashFields = {
      ticket_id: head.ticketId,
      seq,
      action: input.action,
      from_status: status,
      to_status: input.toStatus ?? status,
      actor_id: isVirtual(input.actor) ? null : input.actor.id,
      actor_role: isSystem(input.actor) ? 'system' : input.actor.role,
      actor_unit_id: input.actor.unitId,
      at: input.at ?? nowFallback,
      note: input.note ?? null,
      data: input.data ?? {},
      attachments: input.attachments ?? [],
      public: input.public ?? false,
      prev_hash: prev,
    };
    // The canonical JSON is both hashed and stored (as jsonb it reads back the same).
    const data = canonicalJson(fields.data);
    const attachments = canonicalJson(fields.attachments);
    const hash = eventHash(fields, data, attachments);
    prev = hash;
    status = fields.to_status;
    return { ...fields, data, attachments, hash };
  });
  return { rows, lastHash: prev, seq, status };
}

/**
 * Appends events inside the caller's transaction. Locks the ticket row, so concurrent appends to
 * the same ticket serialise and the chain stays linear. Returns the new head.
 */
export async function appendEvents(trx: Transaction<DB> | Kysely<DB>, ticketId: string, items: Omit<EventInput, 'ticketId'>[], nowFallback: Date) {
  const ticket = await trx
    .selectFrom('tickets')
    .select(['id', 'status', 'last_hash', 'event_count'])
    .where('id', '=', ticketId)
    .forUpdate()
    .executeTakeFirst();
  if (!ticket) throw new AppError('ticket_not_found');
  const chain = chainEvents({ ticketId, seq: ticket.event_count, prevHash: ticket.last_hash, status: ticket.status }, items, nowFallback);
  if (chain.rows.length === 0) return chain;
  await trx.insertInto('ticket_events').values(chain.rows).execute();
  await trx
    .updateTable('tickets')
    .set({ last_hash: chain.lastHash, event_count: chain.seq, status: chain.status, updated_at: chain.rows[chain.rows.length - 1].at })
    .where('id', '=', ticketId)
    .execute();
  return chain;
}

/** Appends one event (see appendEvents). */
export async function appendEvent(trx: Transaction<DB> | Kysely<DB>, input: EventInput, nowFallback?: Date) {
  const { ticketId, ...item } = input;
  const chain = await appendEvents(trx, ticketId, [item], input.at ?? nowFallback ?? new Date());
  return { seq: chain.seq, hash: chain.lastHash!, at: chain.rows[0].at };
}
