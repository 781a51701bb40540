// Duplicates at intake: open tickets in the same or a related place and the same category family,
// received within the window, whose text is nearly the same (MinHash LSH candidates from the
// ticket_signatures band index, verified on exact shingle sets). Repeat callers: the same phone
// with a similar issue, closed tickets included. The band lookup runs on this node's copy of the
// index (signature-index.ts), then one query reads the candidates' and the caller's rows (their
// division paths from the place index's tree); the GIN index answers when the copy cannot (a
// window longer than it holds).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../server/deps.ts';
import {
  categoryParents, divisionPath, duplicateCandidates, openTicketsSharingBands, ticketsByPhone, ticketsWithoutSignature, upsertSignature,
  upsertSignatures, type CandidateRow, type CandidateRowNoPath,
} from './dedupe.repo.ts';
import { placeIndex } from '../address/parse-place.ts';
import { indexedCandidates, signaturesWritten } from './signature-index.ts';
import { ticketText } from './minhash.ts';
import { DUPLICATE_THRESHOLD, REPEAT_THRESHOLD, canonical, contentBigrams, fingerprint, sameCallerIssue, shingles, similarity, type Fingerprint } from './minhash.ts';

export { ticketText } from './minhash.ts';

/** Stores the ticket's signature; call at intake (inside the intake transaction) with title + content. */
export async function indexTicketText(trx: Kysely<DB>, ticketId: string, text: string): Promise<void> {
  const f = fingerprint(text);
  await upsertSignature(trx, { ticket_id: ticketId, bands: f.bands, minhash: f.minhash, shingle_count: f.shingles.length });
  signaturesWritten(trx);
}

/** Stores the signatures of several tickets (one index flush for all). */
export async function indexTicketTexts(trx: Kysely<DB>, items: { id: string; text: string }[]): Promise<void> {
  if (!items.length) return;
  const rows = items.map((it) => {
    const f = fingerprint(it.text);
    return { ticket_id: it.id, bands: f.bands, minhash: f.minhash, shingle_count: f.shingles.length };
  });
  await upsertSignatures(trx, rows);
  signaturesWritten(trx);
}

/** Signs tickets that have no signature yet (history imports); returns how many were signed. */
export async function indexMissingSignatures(deps: Pick<Deps, 'db'>, batch = 500): Promise<number> {
  let n = 0;
  for (;;) {
    const rows = await ticketsWithoutSignature(deps.db, batch);
    if (!rows.length) return n;
    await indexTicketTexts(deps.db, rows.map((r) => ({ id: r.id, text: ticketText(r) })));
    n += rows.length;
  }
}

/** Related places: one contains the other, or both lie in the same township (level 4). */
export function relatedPlaces(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const pa = a.split('/').filter(Boolean);
  const pb = b.split('/').filter(Boolean);
  let common = 0;
  while (common < pa.length && common < pb.length && pa[common] === pb[common]) common++;
  return common >= Math.min(pa.length, pb.length, 4);
}

const categoryCache = new WeakMap<Kysely<DB>, { at: number; parent: Map<string, string | null>; root: Map<string, string> }>();
/** The category tree, cached for a minute: each category's parent, and its level-1 ancestor (itself at level 1). */
async function categoryTree(db: Kysely<DB>) {
  const c = categoryCache.get(db);
  if (c && Date.now() - c.at < 60_000) return c;
  const rows = await categoryParents(db);
  const parent = new Map(rows.map((r) => [r.code, r.parent_code]));
  const root = new Map<string, string>();
  for (const { code } of rows) {
    let x = code;
    for (let i = 0; i < 10 && parent.get(x); i++) x = parent.get(x)!;
    root.set(code, x);
  }
  const tree = { at: Date.now(), parent, root };
  categoryCache.set(db, tree);
  return tree;
}
/** Each category's level-1 ancestor (itself at level 1), cached for a minute. */
export const categoryRoots = async (db: Kysely<DB>): Promise<Map<string, string>> => (await categoryTree(db)).root;
/** Each category's parent (null at level 1), cached for a minute. */
export const categoryParentMap = async (db: Kysely<DB>): Promise<Map<string, string | null>> => (await categoryTree(db)).parent;

// Division paths come from the place index (the whole tree, kept current by parse-place.ts);
// a code it does not know yet (added on another node moments ago) is read from the table.
const missingPaths = new WeakMap<Kysely<DB>, Map<string, { at: number; path: string | null }>>();
async function pathsOf(deps: Pick<Deps, 'db'>, codes: (string | null | undefined)[]): Promise<Map<string, string | null>> {
  const index = await placeIndex(deps);
  const out = new Map<string, string | null>();
  let m = missingPaths.get(deps.db);
  for (const code of codes) {
    if (!code || out.has(code)) continue;
    const known = index.byCode.get(code);
    if (known) {
      out.set(code, known.path);
      continue;
    }
    if (!m) missingPaths.set(deps.db, (m = new Map()));
    let c = m.get(code);
    if (!c || Date.now() - c.at > 5_000) {
      c = { at: Date.now(), path: await divisionPath(deps.db, code) };
      if (m.size > 10_000) m.clear();
      m.set(code, c);
    }
    out.set(code, c.path);
  }
  return out;
}

/**
 * Of duplicate hits, those in a place related to `placePath` (see relatedPlaces): for a place read
 * from the text after the lookup ran (a copy of a 蕉城区 ticket naming 福安市城阳镇 is another matter).
 */
export async function inRelatedPlace<T extends { divisionCode: string | null }>(deps: Pick<Deps, 'db'>, hits: T[], placePath: string | null): Promise<T[]> {
  if (!placePath || !hits.length) return hits;
  const paths = await pathsOf(deps, hits.map((h) => h.divisionCode));
  return hits.filter((h) => relatedPlaces(placePath, h.divisionCode ? paths.get(h.divisionCode) ?? null : null));
}

export interface FindDuplicatesInput {
  text: string;
  divisionCode?: string | null;
  categoryCode?: string | null;
  phone?: string | null;
  windowDays?: number;
  /** The ticket being checked, when it is already stored. */
  excludeTicketId?: string | null;
  limit?: number;
  /** Set when `text` is already normalised. */
  normalized?: boolean;
  /** A fingerprint already computed for `text`. */
  fingerprint?: Fingerprint;
}

export interface DuplicateHit {
  id: string;
  number: string;
  title: string;
  status: string;
  divisionCode: string | null;
  categoryCode: string | null;
  receivedAt: Date;
  similarity: number;
  /** the same caller's open ticket on the same issue (found by phone, perhaps reworded: a low similarity says little) */
  sameCaller?: boolean;
}
/** A duplicate as analysis and the dispatch queue show it (AnalyzeResponse.duplicates). */
export const presentDuplicate = (d: DuplicateHit) => ({
  id: d.id, number: d.number, title: d.title, similarity: d.similarity, status: d.status, receivedAt: d.receivedAt.toISOString(),
  ...(d.sameCaller ? { sameCaller: true } : {}),
});

export interface DuplicateResult {
  duplicates: DuplicateHit[];
  repeatCaller: boolean;
  /** The caller's earlier tickets about a similar issue (any status). */
  repeatOf: DuplicateHit[];
}

// Shingles of recently seen candidate texts (normalising a long text costs more than the rest of
// its check); keyed by ticket, valid while the text is the same.
const shingleCache = new Map<string, { text: string; sh: Uint32Array }>();
function shinglesOf(r: CandidateRow): Uint32Array {
  const text = ticketText(r);
  const c = shingleCache.get(r.id);
  if (c && c.text === text) return c.sh;
  const sh = shingles(canonical(text));
  if (shingleCache.size >= 1000) shingleCache.delete(shingleCache.keys().next().value!);
  shingleCache.set(r.id, { text, sh });
  return sh;
}

const hit = (r: CandidateRow, s: number): DuplicateHit => ({
  id: r.id, number: r.number, title: r.title, status: r.status, divisionCode: r.division_code, categoryCode: r.category_code,
  receivedAt: new Date(r.received_at), similarity: Math.round(s * 1000) / 1000,
});

export async function findDuplicates(deps: Pick<Deps, 'db' | 'now'>, input: FindDuplicatesInput): Promise<DuplicateResult> {
  const f = input.fingerprint ?? fingerprint(input.text, input.normalized);
  const windowDays = input.windowDays ?? 30;
  const limit = input.limit ?? 5;
  const now = deps.now();
  const since = new Date(now.getTime() - windowDays * 86400_000);
  const phone = input.phone ? {
    phone: input.phone, since: new Date(now.getTime() - Math.max(windowDays, 180) * 86400_000), excludeId: input.excludeTicketId, limit: 50,
  } : null;
  const [ids, roots] = await Promise.all([
    f.shingles.length ? indexedCandidates(deps, { bands: f.bands, since, excludeId: input.excludeTicketId, limit: 1000 }) : Promise.resolve([]),
    input.categoryCode ? categoryRoots(deps.db) : Promise.resolve(null),
  ]);
  let placePath: string | null;
  let candidates: CandidateRow[];
  let byPhone: CandidateRow[];
  if (ids) {
    const rows = await duplicateCandidates(deps.db, { ids, limit: 200, phone });
    const paths = await pathsOf(deps, [input.divisionCode, ...rows.candidates.map((c) => c.division_code)]);
    const withPath = (r: CandidateRowNoPath): CandidateRow => ({ ...r, division_path: r.division_code ? paths.get(r.division_code) ?? null : null });
    placePath = input.divisionCode ? paths.get(input.divisionCode) ?? null : null;
    candidates = rows.candidates.map(withPath);
    byPhone = rows.byPhone.map(withPath);
  } else {
    // the index cannot answer (window longer than it holds): the GIN index, paths joined in SQL
    [candidates, byPhone, placePath] = await Promise.all([
      openTicketsSharingBands(deps.db, { bands: f.bands, since, excludeId: input.excludeTicketId, limit: 200 }),
      phone ? ticketsByPhone(deps.db, phone) : Promise.resolve([]),
      input.divisionCode ? divisionPath(deps.db, input.divisionCode) : Promise.resolve(null),
    ]);
  }
  const sameFamily = (code: string | null) =>
    !roots || !code || !input.categoryCode || (roots.get(code) ?? code) === (roots.get(input.categoryCode) ?? input.categoryCode);

  const duplicates: DuplicateHit[] = [];
  for (const c of candidates) {
    if (!relatedPlaces(placePath, c.division_path) || !sameFamily(c.category_code)) continue;
    const s = similarity(f.shingles, shinglesOf(c));
    if (s >= DUPLICATE_THRESHOLD) duplicates.push(hit(c, s));
  }

  // The caller's earlier tickets about the same issue: similar text, or a restatement sharing
  // most of its words; an open one in a related place is a duplicate to merge (the caller chasing it).
  const repeatOf: DuplicateHit[] = [];
  let words: Set<string> | undefined; // the text's content bigrams, read once if any candidate needs them
  for (const c of byPhone) {
    const s = similarity(f.shingles, shinglesOf(c));
    if (s < REPEAT_THRESHOLD && !sameCallerIssue((words ??= contentBigrams(f.canon)), contentBigrams(canonical(ticketText(c))))) continue;
    const h = hit(c, s);
    repeatOf.push(h);
    const open = c.status !== 'closed' && c.status !== 'merged';
    if (open && relatedPlaces(placePath, c.division_path)) {
      const seen = duplicates.find((d) => d.id === c.id);
      if (seen) seen.sameCaller = true;
      else duplicates.push({ ...h, sameCaller: true });
    }
  }
  repeatOf.sort((a, b) => b.similarity - a.similarity);
  duplicates.sort((a, b) => b.similarity - a.similarity);
  return { duplicates: duplicates.slice(0, limit), repeatCaller: repeatOf.length > 0, repeatOf: repeatOf.slice(0, limit) };
}
