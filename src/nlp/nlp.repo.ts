// SQL for request analysis: categories (keyword fallback), knowledge-base articles, the ticket a
// reply suggestion is asked for.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export async function activeCategories(db: Kysely<DB>) {
  return db.selectFrom('categories').select(['code', 'name', 'level', 'parent_code', 'keywords', 'keywords_at']).where('active', '=', true).execute();
}

export async function activeKbArticles(db: Kysely<DB>) {
  return db.selectFrom('kb_articles').select(['id', 'title', 'body', 'category_code', 'keywords']).where('active', '=', true).execute();
}

export async function kbVersion(db: Kysely<DB>): Promise<string> {
  const r = await db
    .selectFrom('kb_articles')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('m')])
    .executeTakeFirstOrThrow();
  return `${r.n}:${r.m ? new Date(r.m as Date).toISOString() : ''}`;
}

export async function ticketForSuggestions(db: Kysely<DB>, id: string) {
  return db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Tickets for the dispatcher's suggestions: their text, place, and the units already tried on
 * them (the lead, former leads), which are not suggested again.
 */
export async function ticketsForDispatchSuggestions(db: Kysely<DB>, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db.selectFrom('tickets').select(['id', 'title', 'content', 'address', 'division_code']).where('id', 'in', ids).execute();
  const tried = await db.selectFrom('ticket_units').select(['ticket_id', 'unit_id']).where('ticket_id', 'in', ids).where('role', 'in', ['lead', 'former']).execute();
  return rows.map((r) => ({ ...r, tried: new Set(tried.filter((x) => x.ticket_id === r.id).map((x) => x.unit_id)) }));
}

/** Active township/street offices and governments located at these divisions (属地: the place's own authorities). */
export async function localAuthorities(db: Kysely<DB>, divisionCodes: string[]) {
  if (!divisionCodes.length) return [];
  return db.selectFrom('units').select(['id', 'name', 'division_code']).where('active', '=', true)
    .where('kind', 'in', ['street', 'government']).where('division_code', 'in', divisionCodes).execute();
}

/**
 * Who finally handled what, where: closed tickets by category, division and lead unit (after any
 * redispatch, the unit that answered), with the unit's name, active units only.
 */
export async function closedUnitCounts(db: Kysely<DB>) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('units as u', 'u.id', 't.lead_unit_id')
    .select((eb) => ['t.category_code', 't.division_code', 't.lead_unit_id', 'u.name', eb.fn.countAll<number>().as('n')])
    .where('t.status', '=', 'closed')
    .where('t.category_code', 'is not', null)
    .where('u.active', '=', true)
    .groupBy(['t.category_code', 't.division_code', 't.lead_unit_id', 'u.name'])
    .execute();
}
