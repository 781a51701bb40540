// SQL for intake's group commit: one statement writes a whole group of new tickets — the day
// counters bumped for their numbers, the tickets, their first events, their units, and the rows
// other capabilities store with a new ticket (the duplicate signature) — so a group costs one
// round trip and one commit, and the counter rows are locked only while that statement runs.
// Rows travel as one JSON parameter per table (json_to_recordset), not as thousands of bind
// parameters.
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB, Ticket } from '../db/schema.ts';

/** Columns of `tickets` that intake may set, with their SQL types; `dflt` stands in for a missing value. */
const TICKET_COLUMNS: Record<string, { type: string; dflt?: string }> = {
  id: { type: 'uuid' }, channel: { type: 'text' }, request_type: { type: 'text' }, urgency: { type: 'text' },
  category_code: { type: 'text' }, title: { type: 'text' }, content: { type: 'text' }, address: { type: 'text' },
  division_code: { type: 'text' }, lat: { type: 'double precision' }, lng: { type: 'double precision' },
  contact_name: { type: 'text' }, contact_phone: { type: 'text' }, contact_id_number: { type: 'text' },
  anonymous: { type: 'boolean', dflt: 'false' }, confidential: { type: 'boolean', dflt: 'false' }, status: { type: 'text' },
  lead_unit_id: { type: 'uuid' }, master_id: { type: 'uuid' }, received_at: { type: 'timestamptz' },
  dispatched_at: { type: 'timestamptz' }, signed_at: { type: 'timestamptz' }, closed_at: { type: 'timestamptz' },
  dispatch_deadline: { type: 'timestamptz' }, sign_deadline: { type: 'timestamptz' }, reply_deadline: { type: 'timestamptz' },
  return_deadline: { type: 'timestamptz' }, callback_deadline: { type: 'timestamptz' }, reply_text: { type: 'text' },
  resolved: { type: 'boolean' }, auto_dispatched: { type: 'boolean', dflt: 'false' }, auto_confidence: { type: 'double precision' },
  overdue: { type: 'boolean', dflt: 'false' }, created_by: { type: 'uuid' }, citizen_user_id: { type: 'uuid' },
  source_ref: { type: 'text' }, last_hash: { type: 'text' }, event_count: { type: 'integer', dflt: '0' },
};

const EVENT_COLUMNS: Record<string, string> = {
  ticket_id: 'uuid', seq: 'integer', action: 'text', from_status: 'text', to_status: 'text', actor_id: 'uuid', actor_role: 'text',
  actor_unit_id: 'uuid', at: 'timestamptz', note: 'text', data: 'jsonb', attachments: 'jsonb', public: 'boolean', prev_hash: 'text', hash: 'text',
};
const UNIT_COLUMNS: Record<string, string> = { ticket_id: 'uuid', unit_id: 'uuid', role: 'text', assigned_at: 'timestamptz' };

/** Rows another capability stores with each new ticket, in the same statement (a plain INSERT). */
export interface IntakeExtraRows {
  table: keyof DB & string;
  /** column → SQL type */
  columns: Record<string, string>;
  rows: Record<string, unknown>[];
}

export interface IntakeGroupRow {
  ticket: Record<string, unknown>;
  /** Shanghai day of the number (YYYYMMDD), this ticket's place among the group's tickets of that day, and their count. */
  day: string;
  ord: number;
  dayCount: number;
}

const q = (id: string) => `"${id}"`;
const recordset = (param: string, columns: Record<string, string>) =>
  `json_to_recordset(${param}::json) as r(${Object.entries(columns).map(([c, t]) => `${q(c)} ${t}`).join(', ')})`;
const plainInsert = (table: string, columns: Record<string, string>, param: string) =>
  `insert into ${q(table)} (${Object.keys(columns).map(q).join(', ')}) select ${Object.keys(columns).map((c) => `r.${q(c)}`).join(', ')} from ${recordset(param, columns)}`;

/** Columns intake never sets, as a freshly inserted ticket has them (the table's defaults). */
const UNSET_DEFAULTS = {
  supervise_level: 0, replied_at: null, satisfaction: null, excluded_from_rates: false, exclusion_reason: null, out_of_scope_rule: null,
  return_count: 0, redispatch_count: 0, reopen_count: 0, extension_count: 0, pending_extension: null,
};
const COLUMN_DEFAULTS: Record<string, unknown> = Object.fromEntries(
  Object.entries(TICKET_COLUMNS).map(([c, d]) => [c, d.dflt === undefined ? null : JSON.parse(d.dflt)]),
);

/**
 * The statement's text for a shape (units or not, which extra tables): built once. Parameters:
 * $1 prefix, $2 days, $3 tickets, $4 events, then units (if any) and each extra table's rows.
 */
const statements = new Map<string, string>();
function statementFor(hasUnits: boolean, extras: IntakeExtraRows[]): string {
  const key = `${hasUnits}|${extras.map((x) => `${x.table}(${Object.entries(x.columns).join()})`).join('|')}`;
  let text = statements.get(key);
  if (text) return text;
  const tcols = Object.keys(TICKET_COLUMNS);
  const tdefs = { ...Object.fromEntries(tcols.map((c) => [c, TICKET_COLUMNS[c].type])), _day: 'text', _ord: 'integer', _n: 'integer' };
  const tvals = tcols.map((c) => (TICKET_COLUMNS[c].dflt ? `coalesce(r.${q(c)}, ${TICKET_COLUMNS[c].dflt})` : `r.${q(c)}`));
  const seqNo = '(s.last - r._n + r._ord)::text';
  const ecols = Object.keys(EVENT_COLUMNS);
  const ctes = [
    `seq as (insert into ticket_number_seq (day, last) select r.day, r.n from ${recordset('$2', { day: 'text', n: 'integer' })} order by r.day
      on conflict (day) do update set last = ticket_number_seq.last + excluded.last returning day, last)`,
    `t as (insert into tickets (${tcols.map(q).join(', ')}, number)
      select ${tvals.join(', ')}, $1::text || r._day || lpad(${seqNo}, greatest(6, length(${seqNo})), '0')
      from ${recordset('$3', tdefs)} join seq s on s.day = r._day
      returning id, number, created_at, updated_at, written_xid)`,
    `e as (insert into ticket_events (${ecols.map(q).join(', ')})
      select ${ecols.map((c) => (c === 'data' || c === 'attachments' ? `r.${q(c)}::jsonb` : `r.${q(c)}`)).join(', ')}
      from ${recordset('$4', { ...EVENT_COLUMNS, data: 'text', attachments: 'text' })})`,
  ];
  let n = 4;
  if (hasUnits) ctes.push(`u as (${plainInsert('ticket_units', UNIT_COLUMNS, `$${++n}`)})`);
  extras.forEach((x, i) => ctes.push(`x${i} as (${plainInsert(x.table, x.columns, `$${++n}`)})`));
  text = `with ${ctes.join(',\n')}\nselect id, number, created_at, updated_at, written_xid from t`;
  statements.set(key, text);
  return text;
}

/**
 * JSON text of rows, dates written as ISO strings up front (JSON.stringify calling Date#toJSON is
 * several times slower, and this runs for every ticket taken in). `extend` adds fields to a row.
 */
function jsonRows(rows: Record<string, unknown>[], extend?: (row: Record<string, unknown>, k: number) => void): string {
  const out = new Array<Record<string, unknown>>(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const o: Record<string, unknown> = {};
    for (const c in r) {
      const v = r[c];
      o[c] = v instanceof Date ? v.toISOString() : v;
    }
    extend?.(o, k);
    out[k] = o;
  }
  return JSON.stringify(out);
}

/**
 * Writes the group in one statement and returns the stored tickets (same order as `rows`), as
 * the rows now read: what was written, the number, the table's defaults and creation times.
 * Event `data`/`attachments` are passed as JSON text (as chainEvents makes them) and cast here.
 */
export async function insertIntakeGroup(
  db: Kysely<DB>,
  input: { prefix: string; rows: IntakeGroupRow[]; events: Record<string, unknown>[]; units: Record<string, unknown>[]; extras: IntakeExtraRows[] },
): Promise<Ticket[]> {
  for (const r of input.rows) {
    for (const k in r.ticket) if (!(k in TICKET_COLUMNS)) throw new Error(`intake: tickets.${k} is not an intake column`);
  }
  const days = new Map<string, number>();
  for (const r of input.rows) days.set(r.day, r.dayCount);
  const extras = input.extras.filter((x) => x.rows.length > 0);
  const params: unknown[] = [
    input.prefix,
    JSON.stringify([...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, n]) => ({ day, n }))),
    jsonRows(input.rows.map((r) => r.ticket), (r, k) => ((r._day = input.rows[k].day), (r._ord = input.rows[k].ord), (r._n = input.rows[k].dayCount))),
    jsonRows(input.events),
  ];
  if (input.units.length) params.push(jsonRows(input.units));
  for (const x of extras) params.push(jsonRows(x.rows));
  const res = await db.executeQuery<{ id: string; number: string; created_at: Date; updated_at: Date; written_xid: string }>(
    CompiledQuery.raw(statementFor(input.units.length > 0, extras), params),
  );
  const byId = new Map(res.rows.map((t) => [t.id, t]));
  return input.rows.map((r) => {
    const w = byId.get(r.ticket.id as string);
    if (!w) throw new Error('intake: a ticket of the group was not written');
    const t = { ...COLUMN_DEFAULTS, ...UNSET_DEFAULTS } as Record<string, unknown>;
    for (const k in r.ticket) if (r.ticket[k] !== undefined) t[k] = r.ticket[k];
    t.number = w.number;
    t.created_at = new Date(w.created_at);
    t.updated_at = new Date(w.updated_at);
    t.written_xid = w.written_xid;
    return t as unknown as Ticket;
  });
}
