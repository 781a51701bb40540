// Reply suggestions: for a ticket being handled, the replies given to the most similar closed
// tickets, with how they ended (resolved, satisfaction). The index of closed tickets is built
// per process and rebuilt when closed tickets change (checked at most every 30 s, in the
// background: a lookup meanwhile answers from the index it has).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../server/deps.ts';
import { closedRepliesVersion, closedWithReplies, type ClosedReplyRow } from './replies.repo.ts';
import { TfIdfIndex } from './reply-index.ts';
import { categoryParentMap } from '../dedupe/find-duplicates.ts';

const CHECK_EVERY_MS = 30_000;
const MAX_DOCS = 50_000;
/** Below this cosine a past reply is not about the same matter. */
export const MIN_REPLY_SIMILARITY = 0.15;
/**
 * A ticket of another category (or any, when the category is not known) must be this similar:
 * texts that share only a place and a few common words ("路灯坏了" and a 小学入学 question from the
 * same street, cosine ≈ 0.19) are not about the same matter.
 */
export const MIN_OTHER_CATEGORY_SIMILARITY = 0.25;

interface Cached {
  index: TfIdfIndex;
  rows: Map<string, ClosedReplyRow>;
  version: string;
  checkedAt: number;
  checking?: Promise<Cached>;
}
const cache = new WeakMap<Kysely<DB>, Cached>();

/** The next lookup waits for a fresh check (call after closing tickets with replies). */
export function invalidateReplyIndex(db: Kysely<DB>): void {
  const c = cache.get(db);
  if (c) c.checkedAt = -Infinity;
}

async function replyIndex(db: Kysely<DB>): Promise<Cached> {
  const c = cache.get(db);
  if (c && Date.now() - c.checkedAt < CHECK_EVERY_MS) return c;
  if (c && c.checkedAt !== -Infinity) {
    c.checking ??= check(db, c).finally(() => (c.checking = undefined));
    c.checking.catch(() => {}); // a failed check is retried by the next lookup
    return c;
  }
  return check(db, c);
}

async function check(db: Kysely<DB>, c: Cached | undefined): Promise<Cached> {
  const version = await closedRepliesVersion(db);
  if (c && c.version === version) {
    c.checkedAt = Date.now();
    return c;
  }
  const rows = await closedWithReplies(db, MAX_DOCS);
  const next: Cached = {
    index: new TfIdfIndex(rows.map((r) => ({ id: r.id, text: `${r.title} ${r.content}`, categoryCode: r.category_code }))),
    rows: new Map(rows.map((r) => [r.id, r])),
    version,
    checkedAt: Date.now(),
  };
  cache.set(db, next);
  return next;
}

export interface ReplySuggestion {
  ticketId: string;
  /** the ticket's division (for the caller's scope; not shown) */
  divisionCode: string | null;
  number: string;
  title: string;
  replyText: string;
  resolved: boolean | null;
  satisfaction: string | null;
  closedAt: Date | null;
  similarity: number;
}

export async function suggestReplies(
  deps: Pick<Deps, 'db'>,
  input: {
    text: string; categoryCode?: string | null; excludeTicketId?: string; limit?: number;
    /** Set when `text` is already normalised. */
    normalized?: boolean;
    /** canonical(text), when the caller has it already (the duplicate fingerprint's). */
    canonical?: string;
  },
): Promise<ReplySuggestion[]> {
  const [{ index, rows }, parent] = await Promise.all([replyIndex(deps.db), input.categoryCode ? categoryParentMap(deps.db) : null]);
  // the same category, or one beside it under the same parent (物业服务 and 电梯安全 under 物业管理)
  const related = (a: string | null | undefined, b: string) => a === b || (!!a && !!parent?.get(a) && parent.get(a) === parent.get(b));
  const hits = index.query(input.text, (input.limit ?? 5) * 2, {
    categoryCode: input.categoryCode, exclude: input.excludeTicketId, normalized: input.normalized, canonical: input.canonical,
  });
  // the same answer given to several tickets is one suggestion (the most similar ticket's)
  const seen = new Set<string>();
  return hits
    .filter((h) => h.similarity >= (input.categoryCode && related(h.doc.categoryCode, input.categoryCode) ? MIN_REPLY_SIMILARITY : MIN_OTHER_CATEGORY_SIMILARITY))
    .filter((h) => {
      const key = (rows.get(h.doc.id)!.reply_text ?? '').replace(/\s+/g, '');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, input.limit ?? 5)
    .map((h) => {
      const r = rows.get(h.doc.id)!;
      return {
        ticketId: r.id, divisionCode: r.division_code, number: r.number, title: r.title, replyText: r.reply_text, resolved: r.resolved,
        satisfaction: r.satisfaction, closedAt: r.closed_at ? new Date(r.closed_at) : null,
        similarity: Math.round(h.similarity * 1000) / 1000,
      };
    });
}

