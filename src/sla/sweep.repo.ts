// SQL for the SLA sweep: candidate tickets, the row lock, alert claims and notifications.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { AlertSpec } from './sweep.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const SWEEP_TICKET_COLS = [
  'id', 'number', 'title', 'status', 'lead_unit_id', 'received_at', 'dispatch_deadline', 'dispatched_at', 'replied_at', 'sign_deadline', 'reply_deadline',
  'callback_deadline', 'overdue', 'supervise_level',
] as const;

/**
 * Ids of tickets in one of the spec's statuses whose alert is due at `now` and not yet fired for
 * the current deadline (an extension moves the deadline, so a new alert can fire).
 */
export async function findCandidates(db: Db, spec: AlertSpec, now: Date, limit: number): Promise<string[]> {
  const deadline = sql.ref(`t.${spec.deadline}`);
  const due =
    spec.when === 'past'
      ? sql`${deadline} < ${now}`
      : sql`${sql.ref(`t.${spec.start}`)} is not null and ${deadline} >= ${now}
            and ${deadline} - (${deadline} - ${sql.ref(`t.${spec.start}`)}) * ${spec.fraction} <= ${now}`;
  const r = await sql<{ id: string }>`
    select t.id from tickets t
    where t.status in (${sql.join(spec.statuses)}) and ${deadline} is not null and ${due}
      ${spec.supervisedOnly ? sql`and t.supervise_level > 0` : sql``}
      and not exists (select 1 from ticket_alerts a where a.ticket_id = t.id and a.kind = ${spec.kind} and a.deadline = ${deadline})
    order by ${deadline}, t.id
    limit ${limit}`.execute(db);
  return r.rows.map((x) => x.id);
}

export function lockTicket(trx: Db, id: string) {
  return trx.selectFrom('tickets').select(SWEEP_TICKET_COLS).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Claims an alert; true only for the one transaction that inserted it. */
export async function claimAlert(trx: Db, a: { ticketId: string; kind: string; deadline: Date; firedBy: string; now: Date }): Promise<boolean> {
  const r = await trx
    .insertInto('ticket_alerts')
    .values({ ticket_id: a.ticketId, kind: a.kind, deadline: a.deadline, fired_by: a.firedBy, fired_at: a.now })
    .onConflict((oc) => oc.columns(['ticket_id', 'kind', 'deadline']).doNothing())
    .returning('ticket_id')
    .executeTakeFirst();
  return !!r;
}

export async function markOverdue(trx: Db, id: string): Promise<void> {
  await trx.updateTable('tickets').set({ overdue: true }).where('id', '=', id).execute();
}

export async function insertNotification(trx: Db, n: { unitId: string | null; ticketId: string; kind: string; body: string; now: Date }) {
  await trx.insertInto('notifications').values({ unit_id: n.unitId, ticket_id: n.ticketId, kind: n.kind, body: n.body, created_at: n.now }).execute();
}
