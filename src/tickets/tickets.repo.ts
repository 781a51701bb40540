// All SQL for tickets and their events.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, NewTicket, Ticket, TicketUpdate } from '../db/schema.ts';
import type { TicketAccess } from '../auth/policy.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function insertTicket(db: Db, values: NewTicket): Promise<Ticket> {
  return db.insertInto('tickets').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateTicket(db: Db, id: string, patch: TicketUpdate) {
  await db.updateTable('tickets').set(patch).where('id', '=', id).execute();
}

export async function getTicket(db: Db, id: string, forUpdate = false): Promise<Ticket | undefined> {
  let q = db.selectFrom('tickets').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function getTicketByNumber(db: Db, number: string): Promise<Ticket | undefined> {
  return db.selectFrom('tickets').selectAll().where('number', '=', number).executeTakeFirst();
}

export async function loadAccess(db: Db, t: Ticket): Promise<TicketAccess> {
  // the ticket's own units, and the lead units of the proactive cases it is a member of (they
  // see it, to follow the case; acting on it stays with its own units: role 'case_lead')
  const units = await db
    .selectFrom('ticket_units')
    .innerJoin('units', 'units.id', 'ticket_units.unit_id')
    .select(['ticket_units.unit_id as unitId', 'ticket_units.role as role', 'units.path as path'])
    .where('ticket_units.ticket_id', '=', t.id)
    .unionAll(
      db.selectFrom('hotspot_case_members as m')
        .innerJoin('hotspot_cases as c', 'c.id', 'm.case_id')
        .innerJoin('units', 'units.id', 'c.lead_unit_id')
        .select(['units.id as unitId', sql<string>`'case_lead'`.as('role'), 'units.path as path'])
        .where('m.ticket_id', '=', t.id),
    )
    .execute();
  const div = t.division_code
    ? await db.selectFrom('divisions').select('path').where('code', '=', t.division_code).executeTakeFirst()
    : undefined;
  return {
    status: t.status,
    leadUnitId: t.lead_unit_id,
    divisionPath: div?.path ?? null,
    createdBy: t.created_by,
    citizenUserId: t.citizen_user_id,
    confidential: t.confidential,
    units,
  };
}

/** Makes `leadUnitId` the lead and `coUnitIds` co-units; a previous lead stays linked as 'former'. */
export async function setTicketUnits(db: Db, ticketId: string, leadUnitId: string, coUnitIds: string[], at: Date) {
  await db.updateTable('ticket_units').set({ role: 'former' }).where('ticket_id', '=', ticketId).where('role', '=', 'lead').execute();
  const rows = [
    { ticket_id: ticketId, unit_id: leadUnitId, role: 'lead', assigned_at: at },
    ...coUnitIds.filter((u) => u !== leadUnitId).map((u) => ({ ticket_id: ticketId, unit_id: u, role: 'co', assigned_at: at })),
  ];
  await db
    .insertInto('ticket_units')
    .values(rows)
    .onConflict((oc) => oc.columns(['ticket_id', 'unit_id']).doUpdateSet((eb) => ({ role: eb.ref('excluded.role'), assigned_at: eb.ref('excluded.assigned_at') })))
    .execute();
}

export async function addCoUnits(db: Db, ticketId: string, unitIds: string[], at: Date) {
  if (unitIds.length === 0) return;
  await db
    .insertInto('ticket_units')
    .values(unitIds.map((u) => ({ ticket_id: ticketId, unit_id: u, role: 'co', assigned_at: at })))
    .onConflict((oc) => oc.columns(['ticket_id', 'unit_id']).doNothing())
    .execute();
}

export async function coUnits(db: Db, ticketId: string) {
  return db
    .selectFrom('ticket_units')
    .innerJoin('units', 'units.id', 'ticket_units.unit_id')
    .select(['units.id', 'units.name'])
    .where('ticket_id', '=', ticketId)
    .where('role', '=', 'co')
    .execute();
}

export async function findUnits(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('units').select(['id', 'name', 'path', 'whitelist_only', 'active', 'parent_id']).where('id', 'in', ids).execute();
}

export async function divisionByCode(db: Db, code: string) {
  return db.selectFrom('divisions').select(['code', 'name', 'path', 'level']).where('code', '=', code).executeTakeFirst();
}

export async function categoryExists(db: Db, code: string) {
  return !!(await db.selectFrom('categories').select('code').where('code', '=', code).where('active', '=', true).executeTakeFirst());
}

export async function scopeRule(db: Db, code: string) {
  return db.selectFrom('scope_rules').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function attachmentsInfo(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('attachments').select(['id', 'name', 'mime', 'size']).where('id', 'in', ids).execute();
}

export async function events(db: Db, ticketId: string, publicOnly = false) {
  let q = db
    .selectFrom('ticket_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .leftJoin('units as un', 'un.id', 'e.actor_unit_id')
    .select([
      'e.seq', 'e.action', 'e.from_status', 'e.to_status', 'e.at', 'e.note', 'e.data', 'e.attachments', 'e.public',
      'e.actor_role', 'u.display_name as actor_name', 'un.name as unit_name',
    ])
    .where('e.ticket_id', '=', ticketId)
    .orderBy('e.seq');
  if (publicOnly) q = q.where('e.public', '=', true);
  return q.execute();
}

export async function mergedChildren(db: Db, masterId: string) {
  return db.selectFrom('tickets').select(['id', 'number', 'status']).where('master_id', '=', masterId).where('status', '=', 'merged').execute();
}

export async function logPiiAccess(db: Db, userId: string, ticketId: string, purpose = 'view') {
  await db.insertInto('pii_access_log').values({ user_id: userId, ticket_id: ticketId, purpose }).execute();
}

export async function unitName(db: Db, id: string | null) {
  if (!id) return null;
  return (await db.selectFrom('units').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}

export async function labelsFor(db: Db, t: Pick<Ticket, 'category_code' | 'division_code'>) {
  const [cat, div] = await Promise.all([
    t.category_code ? db.selectFrom('categories').select('name').where('code', '=', t.category_code).executeTakeFirst() : undefined,
    t.division_code ? db.selectFrom('divisions').select('name').where('code', '=', t.division_code).executeTakeFirst() : undefined,
  ]);
  return { categoryName: cat?.name ?? null, divisionName: div?.name ?? null };
}

export const now = () => sql<Date>`now()`;

/**
 * Rows of the event log and ticket–unit links whose ticket, actor or unit row is missing (the log
 * carries no foreign keys: migration 0007). Nothing in Lianxin deletes those rows, so any hit
 * means the database was edited by hand. At most `limit` of each kind.
 */
export async function orphanedLogRows(db: Db, limit = 1000) {
  const r = await sql<{ kind: string; ticket_id: string; seq: number | null }>`
    (select 'event without ticket' as kind, e.ticket_id, e.seq from ticket_events e
      where not exists (select 1 from tickets t where t.id = e.ticket_id) limit ${limit})
    union all
    (select 'event actor missing', e.ticket_id, e.seq from ticket_events e
      where e.actor_id is not null and not exists (select 1 from users u where u.id = e.actor_id) limit ${limit})
    union all
    (select 'event unit missing', e.ticket_id, e.seq from ticket_events e
      where e.actor_unit_id is not null and not exists (select 1 from units u where u.id = e.actor_unit_id) limit ${limit})
    union all
    (select 'unit link without ticket', l.ticket_id, null from ticket_units l
      where not exists (select 1 from tickets t where t.id = l.ticket_id) limit ${limit})`.execute(db);
  return r.rows;
}

/** Numbers of tickets by id (for merge events that name the master only by id). */
export async function ticketNumbersByIds(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('tickets').select(['id', 'number']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}
