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
