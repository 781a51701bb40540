// SQL for ticket lists: the caller's scope (from the policy) plus filters, paginated.
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { TicketScope } from '../auth/policy.ts';
import type { ListTicketsQuery } from '../contract/tickets.ts';

type Q = SelectQueryBuilder<DB, 'tickets', object>;

function applyScope(q: Q, scope: TicketScope): Q {
  switch (scope.kind) {
    case 'all':
      return q;
    case 'division':
      return q.where((eb) =>
        eb.or([
          eb('tickets.division_code', 'is', null),
          eb.exists(eb.selectFrom('divisions as d').select('d.code').whereRef('d.code', '=', 'tickets.division_code').where('d.path', 'like', `${scope.path}%`)),
        ]),
      );
    case 'unit':
      return q.where((eb) =>
        eb.exists(
          eb.selectFrom('ticket_units as tu').innerJoin('units as u', 'u.id', 'tu.unit_id').select('tu.unit_id')
            .whereRef('tu.ticket_id', '=', 'tickets.id').where('u.path', 'like', `${scope.path}%`),
        ),
      );
    case 'creator':
      return q.where((eb) => eb.or([eb('tickets.created_by', '=', scope.userId), eb('tickets.citizen_user_id', '=', scope.userId)]));
    default:
      return q.where(sql<boolean>`false`);
  }
}

export interface ListOptions {
  scope: TicketScope;
  query: ListTicketsQuery;
  /** For the unit inbox: the actor's own unit. */
  unitId?: string | null;
  now: Date;
}

export async function listTickets(db: Kysely<DB>, o: ListOptions) {
  const f = o.query;
  let q = applyScope(db.selectFrom('tickets') as Q, o.scope);
  if (f.status) q = q.where('tickets.status', 'in', f.status.split(','));
  if (f.queue === 'dispatch') q = q.where('tickets.status', 'in', ['received', 'returned']);
  // extension requests waiting for a decision (the centre's, or the unit leader's for their unit)
  if (f.queue === 'extensions') q = q.where('tickets.pending_extension', 'is not', null).where('tickets.status', 'in', ['dispatched', 'signed', 'handling']);
  // answered by the unit, waiting for the centre to call the citizen back
  if (f.queue === 'callback') q = q.where('tickets.status', '=', 'replied');
  if (f.queue === 'inbox') {
    q = q.where('tickets.status', 'in', ['dispatched', 'signed', 'handling']);
    if (o.unitId) {
      const unitId = o.unitId;
      q = q.where((eb) => eb.exists(eb.selectFrom('ticket_units as tu').select('tu.unit_id').whereRef('tu.ticket_id', '=', 'tickets.id').where('tu.unit_id', '=', unitId).where('tu.role', 'in', ['lead', 'co'])));
    }
  }
  if (f.unitId) {
    const unitId = f.unitId;
    q = q.where((eb) => eb.exists(eb.selectFrom('ticket_units as tu').select('tu.unit_id').whereRef('tu.ticket_id', '=', 'tickets.id').where('tu.unit_id', '=', unitId)));
  }
  if (f.categoryCode) q = q.where('tickets.category_code', 'like', `${f.categoryCode}%`);
  if (f.divisionCode) {
    const code = f.divisionCode;
    q = q.where((eb) => eb.exists(eb.selectFrom('divisions as d').select('d.code').whereRef('d.code', '=', 'tickets.division_code').where('d.path', 'like', `%/${code}/%`)));
  }
  if (f.from) q = q.where('tickets.received_at', '>=', new Date(f.from));
  if (f.to) q = q.where('tickets.received_at', '<', new Date(f.to));
  if (f.overdue === 'true') q = q.where('tickets.overdue', '=', true);
  if (f.overdue === 'false') q = q.where('tickets.overdue', '=', false);
  if (f.supervised === 'true') q = q.where('tickets.supervise_level', '>', 0);
  if (f.phone) q = q.where('tickets.contact_phone', '=', f.phone);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('tickets.title', 'like', like), eb('tickets.content', 'like', like), eb('tickets.number', '=', f.q!)]));
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let rows = q
    .leftJoin('categories as c', 'c.code', 'tickets.category_code')
    .leftJoin('divisions as dv', 'dv.code', 'tickets.division_code')
    .leftJoin('units as lu', 'lu.id', 'tickets.lead_unit_id')
    .selectAll('tickets')
    .select(['c.name as category_name', 'dv.name as division_name', 'lu.name as lead_unit_name']);
  const deadline = sql`case when tickets.status in ('received','returned') then tickets.dispatch_deadline when tickets.status = 'dispatched' then tickets.sign_deadline when tickets.status in ('signed','handling') then tickets.reply_deadline when tickets.status = 'replied' then tickets.callback_deadline end`;
  switch (f.sort) {
    case 'deadline_asc':
      rows = rows.orderBy(sql`${deadline} asc nulls last`).orderBy('tickets.received_at', 'asc');
      break;
    case 'urgency':
      rows = rows
        .orderBy(sql`case tickets.urgency when 'emergency' then 0 when 'utility' then 1 when 'complex' then 2 else 3 end`)
        .orderBy(sql`${deadline} asc nulls last`);
      break;
    default:
      rows = rows.orderBy('tickets.received_at', 'desc');
  }
  const items = await rows.orderBy('tickets.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { items, total };
}

/** The public board 民声黑板: replied/closed and in-progress matters, never confidential ones. */
export async function listBoard(db: Kysely<DB>, f: { divisionCode?: string; categoryCode?: string; status?: 'done' | 'open'; page: number; pageSize: number }) {
  let q = db
    .selectFrom('tickets')
    .where('tickets.confidential', '=', false)
    .where('tickets.out_of_scope_rule', 'is', null)
    .where('tickets.excluded_from_rates', '=', false)
    .where('tickets.master_id', 'is', null) // a merged duplicate is its master's matter, shown once
    .where('tickets.status', 'in', f.status === 'done' ? ['replied', 'callback', 'closed'] : f.status === 'open' ? ['dispatched', 'signed', 'handling'] : ['dispatched', 'signed', 'handling', 'replied', 'callback', 'closed']);
  if (f.categoryCode) q = q.where('tickets.category_code', 'like', `${f.categoryCode}%`);
  if (f.divisionCode) {
    const code = f.divisionCode;
    q = q.where((eb) => eb.exists(eb.selectFrom('divisions as d').select('d.code').whereRef('d.code', '=', 'tickets.division_code').where('d.path', 'like', `%/${code}/%`)));
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const items = await q
    .leftJoin('categories as c', 'c.code', 'tickets.category_code')
    .leftJoin('divisions as dv', 'dv.code', 'tickets.division_code')
    .leftJoin('units as lu', 'lu.id', 'tickets.lead_unit_id')
    .select(['tickets.id', 'tickets.number', 'tickets.title', 'tickets.status', 'tickets.received_at', 'tickets.closed_at', 'tickets.reply_text', 'tickets.satisfaction', 'tickets.contact_name', 'tickets.category_code', 'c.name as category_name', 'dv.name as division_name', 'lu.name as unit_name'])
    .orderBy('tickets.received_at', 'desc')
    .orderBy('tickets.number')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total };
}

/** Which of these tickets the scope may open (one query; for links to other tickets). */
export async function visibleTicketIds(db: Kysely<DB>, scope: TicketScope, ids: string[]): Promise<Set<string>> {
  if (!ids.length || scope.kind === 'none') return new Set();
  if (scope.kind === 'all') return new Set(ids);
  const rows = await applyScope(db.selectFrom('tickets') as Q, scope).select('tickets.id').where('tickets.id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
