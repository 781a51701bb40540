// SQL for intake's group commit: one statement writes a whole group of new tickets — the
// tickets (numbers already reserved, see numbering.ts), their first events and their units — so
// a group costs one round trip and one commit, and two groups can be written at once (no counter row is locked while they run).
// Rows travel as one JSON parameter per table (json_to_recordset), not as thousands of bind
// parameters.
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB, Ticket } from '../db/schema.ts';
import { preparedSql } from '../db/db.ts';

/** Columns of `tickets` that intake may set, with their SQL types; `dflt` stands in for a missing value. */
const TICKET_COLUMNS: Record<string, { type: string; dflt?: string }> = {
  id: { type: 'uuid' }, number: { type: 'text' }, channel: { type: 'text' }, request_type: { type: 'text' }, urgency: { type: 'text' },
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

const TICKET_TYPES: Record<string, string> = Object.fromEntries(Object.entries(TICKET_COLUMNS).map(([c, d]) => [c, d.type]));

const EVENT_COLUMNS: Record<string, string> = {
  ticket_id: 'uuid', seq: 'integer', action: 'text', from_status: 'text', to_status: 'text', actor_id: 'uuid', actor_role: 'text',
  actor_unit_id: 'uuid', at: 'timestamptz', note: 'text', data: 'jsonb', attachments: 'jsonb', public: 'boolean', prev_hash: 'text', hash: 'text',
};
const UNIT_COLUMNS: Record<string, string> = { ticket_id: 'uuid', unit_id: 'uuid', role: 'text', assigned_at: 'timestamptz' };

const q = (id: string) => `"${id}"`;
/** JSON key of the i-th column of a row set: "0" … "z", "10" …, so keys are not repeated in full per row. */
const key = (i: number) => i.toString(36);
const recordset = (param: string, columns: Record<string, string>) =>
  `json_to_recordset(${param}::json) as r(${Object.values(columns).map((t, i) => `${q(key(i))} ${t}`).join(', ')})`;
/** r."i" for each column, in order, through `wrap` (a cast or a default). */
const fields = (columns: Record<string, string>, wrap: (ref: string, column: string) => string = (ref) => ref) =>
  Object.keys(columns).map((c, i) => wrap(`r.${q(key(i))}`, c)).join(', ');

/** Columns intake never sets, as a freshly inserted ticket has them (the table's defaults). */
const UNSET_DEFAULTS = {
  supervise_level: 0, replied_at: null, satisfaction: null, excluded_from_rates: false, exclusion_reason: null, out_of_scope_rule: null,
  return_count: 0, redispatch_count: 0, reopen_count: 0, extension_count: 0, pending_extension: null,
};
const COLUMN_DEFAULTS: Record<string, unknown> = Object.fromEntries(
  Object.entries(TICKET_COLUMNS).map(([c, d]) => [c, d.dflt === undefined ? null : JSON.parse(d.dflt)]),
);
/** Every column of the returned ticket with its value when intake did not set it, in one fixed order. */
const RETURNED: [string, unknown][] = Object.entries({ ...COLUMN_DEFAULTS, ...UNSET_DEFAULTS });

/** The statement's text, with units or without: built once each. Parameters: $1 tickets, $2 events, $3 units. */
const statements = new Map<boolean, string>();
function statementFor(hasUnits: boolean): string {
  let text = statements.get(hasUnits);
  if (text) return text;
  const tcols = Object.keys(TICKET_COLUMNS);
  const ecols = Object.keys(EVENT_COLUMNS);
  const ctes = [
    `t as (insert into tickets (${tcols.map(q).join(', ')})
      select ${fields(TICKET_TYPES, (ref, c) => (TICKET_COLUMNS[c].dflt ? `coalesce(${ref}, ${TICKET_COLUMNS[c].dflt})` : ref))}
      from ${recordset('$1', TICKET_TYPES)}
      returning id, created_at, updated_at, written_xid)`,
    `e as (insert into ticket_events (${ecols.map(q).join(', ')})
      select ${fields(EVENT_COLUMNS, (ref, c) => (c === 'data' || c === 'attachments' ? `${ref}::jsonb` : ref))}
      from ${recordset('$2', { ...EVENT_COLUMNS, data: 'text', attachments: 'text' })})`,
  ];
  if (hasUnits) {
    ctes.push(`u as (insert into ticket_units (${Object.keys(UNIT_COLUMNS).map(q).join(', ')})
      select ${fields(UNIT_COLUMNS)} from ${recordset('$3', UNIT_COLUMNS)})`);
  }
  text = preparedSql(hasUnits ? 'lx_intake_group_units' : 'lx_intake_group', `with ${ctes.join(',\n')}\nselect id, created_at, updated_at, written_xid from t`);
  statements.set(hasUnits, text);
  return text;
}

/** `"key":` of each column of a row set, by position (see `key`), made once per column set. */
const prefixes = new WeakMap<Record<string, string>, string[]>();
function keyPrefixes(columns: Record<string, string>): string[] {
  let p = prefixes.get(columns);
  if (!p) prefixes.set(columns, (p = Object.keys(columns).map((_, i) => `"${key(i)}":`)));
  return p;
}

/**
 * JSON text of rows for recordset(): each row an object keyed by column position (see `key`),
 * written out directly (no intermediate objects: this runs for every ticket taken in), dates as
 * ISO strings. Missing values are left out (read as null).
 */
function jsonRows(rows: Record<string, unknown>[], columns: Record<string, string>): string {
  const cols = Object.keys(columns);
  const pre = keyPrefixes(columns);
  let out = '[';
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    let o = '';
    for (let i = 0; i < cols.length; i++) {
      const v = r[cols[i]];
      if (v === undefined) continue;
      const j = v === null ? 'null'
        : typeof v === 'string' ? JSON.stringify(v)
          : typeof v === 'number' || typeof v === 'boolean' ? JSON.stringify(v)
            : v instanceof Date ? `"${v.toISOString()}"`
              : JSON.stringify(v);
      o += o ? `,${pre[i]}${j}` : pre[i] + j;
    }
    out += k ? `,{${o}}` : `{${o}}`;
  }
  return `${out}]`;
}

/**
 * Writes the group in one statement and returns the stored tickets (same order as given), as
 * the rows now read: what was written, the number, the table's defaults and creation times.
 * Event `data`/`attachments` are passed as JSON text (as chainEvents makes them) and cast here.
 */
export async function insertIntakeGroup(
  db: Kysely<DB>,
  input: { tickets: Record<string, unknown>[]; events: Record<string, unknown>[]; units: Record<string, unknown>[] },
): Promise<Ticket[]> {
  for (const t of input.tickets) {
    for (const k of Object.keys(t)) if (!(k in TICKET_COLUMNS)) throw new Error(`intake: tickets.${k} is not an intake column`);
  }
  const params: unknown[] = [jsonRows(input.tickets, TICKET_TYPES), jsonRows(input.events, EVENT_COLUMNS)];
  if (input.units.length) params.push(jsonRows(input.units, UNIT_COLUMNS));
  const res = await db.executeQuery<{ id: string; created_at: Date; updated_at: Date; written_xid: string }>(
    CompiledQuery.raw(statementFor(input.units.length > 0), params),
  );
  const byId = new Map(res.rows.map((t) => [t.id, t]));
  return input.tickets.map((row) => {
    const w = byId.get(row.id as string);
    if (!w) throw new Error('intake: a ticket of the group was not written');
    // Built in one fixed key order, so every returned ticket has the same shape (fast to build and read).
    const t: Record<string, unknown> = {};
    for (const [c, dflt] of RETURNED) {
      const v = row[c];
      t[c] = v === undefined ? dflt : v;
    }
    t.created_at = new Date(w.created_at);
    t.updated_at = new Date(w.updated_at);
    t.written_xid = w.written_xid;
    return t as unknown as Ticket;
  });
}
