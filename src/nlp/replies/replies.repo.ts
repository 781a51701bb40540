// SQL for reply suggestions: closed tickets that carry a reply, and a cheap fingerprint of them.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface ClosedReplyRow {
  id: string;
  number: string;
  title: string;
  content: string;
  category_code: string | null;
  division_code: string | null;
  reply_text: string;
  resolved: boolean | null;
  satisfaction: string | null;
  closed_at: Date | null;
}

export async function closedWithReplies(db: Kysely<DB>, limit: number): Promise<ClosedReplyRow[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'number', 'title', 'content', 'category_code', 'division_code', 'reply_text', 'resolved', 'satisfaction', 'closed_at'])
    .where('status', '=', 'closed')
    .where('reply_text', 'is not', null)
    .where('confidential', '=', false)
    .orderBy('closed_at', 'desc')
    .limit(limit)
    .execute();
  return rows as ClosedReplyRow[];
}

export async function closedRepliesVersion(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ v: string }>`
    select count(*)::text || ':' || coalesce(max(closed_at)::text, '') || ':' || coalesce(max(updated_at)::text, '') as v
    from tickets where status = 'closed' and reply_text is not null`.execute(db);
  return r.rows[0]?.v ?? '';
}
