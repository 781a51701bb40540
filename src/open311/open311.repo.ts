// SQL for Open311 GeoReport v2: the public request list and one request, as the board shows them
// (never confidential, out-of-scope or merged tickets).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface RequestFilter {
  ids?: string[];
  serviceCodes?: string[];
  status?: 'open' | 'closed';
  start?: Date;
  end?: Date;
  limit: number;
  offset: number;
}

const CLOSED = ['closed', 'merged'];

export async function listPublicRequests(db: Kysely<DB>, f: RequestFilter) {
  let q = db
    .selectFrom('tickets as t')
    .leftJoin('categories as c', 'c.code', 't.category_code')
    .leftJoin('units as u', 'u.id', 't.lead_unit_id')
    .where('t.confidential', '=', false)
    .where('t.out_of_scope_rule', 'is', null)
    .where('t.master_id', 'is', null);
  if (f.ids?.length) q = q.where('t.id', 'in', f.ids);
  if (f.serviceCodes?.length) q = q.where('t.category_code', 'in', f.serviceCodes);
  if (f.status === 'closed') q = q.where('t.status', 'in', CLOSED);
  if (f.status === 'open') q = q.where('t.status', 'not in', CLOSED);
  if (f.start) q = q.where('t.received_at', '>=', f.start);
  if (f.end) q = q.where('t.received_at', '<', f.end);
  return q
    .select([
      't.id', 't.status', 't.content', 't.title', 't.category_code', 'c.name as category_name', 'u.name as unit_name', 't.received_at', 't.updated_at',
      't.reply_deadline', 't.address', 't.lat', 't.lng', 't.reply_text', 't.contact_name',
    ])
    .orderBy('t.received_at', 'desc')
    .orderBy('t.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}
