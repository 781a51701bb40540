// This node's copy of the duplicate band index, one per database handle: loaded lazily from
// ticket_signatures for the tickets received in the last INDEX_WINDOW_DAYS, then kept fresh by
// reading, at lookup time when older than STALE_MS, the signatures written by transactions the
// last read's snapshot did not see (ticket_signatures.written_xid against a pg_snapshot: exact
// across app nodes, unlike a timestamp watermark, which misses a transaction that began before it
// and committed after). After this process writes signatures (its intake group commits, a
// re-sign) the next lookup refreshes first, so its own intake is found at once. Every PRUNE_MS
// the tickets that left the window are dropped (a deleted ticket lingers until then). The index
// only proposes candidates: status, window, place and text are checked on the rows by the
// caller, so a stale entry can cost a row lookup, never a wrong answer.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../server/deps.ts';
import { intakeHooks } from '../../tickets/intake-hooks.ts';
import { BandIndex } from './band-index.ts';
import { signaturesSince, unsignedTicketsSince, upsertSignatures } from './dedupe.repo.ts';
import { fingerprint, ticketText } from './minhash.ts';

export const INDEX_WINDOW_DAYS = 30;
const STALE_MS = 1000;
const PRUNE_MS = 10 * 60_000;
/** Beyond this many signatures in the window the index stays off and the GIN index answers. */
const MAX_TICKETS = 200_000;

interface State {
  index: BandIndex | null;
  coverSince: Date;
  snapshot: string;
  /** The snapshot the last signing pass read the tickets in (see signNewTickets). */
  ticketSnapshot: string;
  refreshedAt: number;
  /** The handle's write count (see `writes`) the last read started after. */
  seen: number;
  prunedAt: number;
  refreshing?: Promise<void>;
}
const states = new WeakMap<object, State>();
const loads = new WeakMap<object, Promise<State>>();
/** Signature writes this process made through a handle: a lookup reads past the latest one. */
const writes = new WeakMap<object, number>();
let staleMs = STALE_MS;

/** Tests: how old the index may be at lookup time before it is refreshed. */
export function setSignatureIndexStaleness(ms: number = STALE_MS): void {
  staleMs = ms;
}

/** The handle a query runs on: a transaction counts as the database it was opened on. */
function handleKey(db: Kysely<DB>): object {
  // Kysely gives a transaction (and withPlugin/withSchema copies) its parent's adapter object.
  const ex = (db as unknown as { getExecutor?: () => { adapter?: object } }).getExecutor?.();
  return ex?.adapter ?? db;
}

async function load(db: Kysely<DB>, now: Date): Promise<State> {
  const coverSince = new Date(now.getTime() - INDEX_WINDOW_DAYS * 86400_000);
  const started = Date.now();
  const seen = writes.get(handleKey(db)) ?? 0;
  const ticketSnapshot = await signNewTickets(db, { since: coverSince });
  const { snapshot, rows } = await signaturesSince(db, { since: coverSince, limit: MAX_TICKETS + 1 });
  let index: BandIndex | null = null;
  if (rows.length <= MAX_TICKETS) {
    index = new BandIndex();
    for (const r of rows) index.upsert({ ticketId: r.ticket_id, bands: r.bands, receivedAt: r.received_at });
  }
  return { index, coverSince, snapshot, ticketSnapshot, refreshedAt: started, seen, prunedAt: started };
}

/** Tickets signed per statement when signing a backlog. */
const SIGN_BATCH = 500;

/**
 * Intake does not write signatures (they would cost every ticket a GIN index update on the
 * request path): the first lookup after new tickets arrive signs them, on whichever node asks,
 * in batches. Tickets the last pass's snapshot did not see (`notIn`), or every unsigned ticket
 * of the window on the first load. Concurrent passes on two nodes upsert the same rows, which is
 * harmless. Returns the snapshot to continue from: the first batch's, so a ticket committed
 * while this pass ran is taken by the next one.
 */
async function signNewTickets(db: Kysely<DB>, input: { since: Date; notIn?: string }): Promise<string> {
  let first: string | undefined;
  for (;;) {
    const { snapshot, rows } = await unsignedTicketsSince(db, { ...input, limit: SIGN_BATCH });
    first ??= snapshot;
    if (!rows.length) return first;
    await upsertSignatures(
      db,
      rows.map((t) => {
        const f = fingerprint(ticketText(t));
        return { ticket_id: t.id, bands: f.bands, minhash: f.minhash, shingle_count: f.shingles.length };
      }),
    );
    if (rows.length < SIGN_BATCH) return first;
  }
}

async function refresh(db: Kysely<DB>, st: State): Promise<void> {
  const started = Date.now();
  const seen = writes.get(handleKey(db)) ?? 0;
  st.ticketSnapshot = await signNewTickets(db, { since: st.coverSince, notIn: st.ticketSnapshot });
  const { snapshot, rows } = await signaturesSince(db, { since: st.coverSince, notIn: st.snapshot, limit: MAX_TICKETS + 1 });
  for (const r of rows) st.index?.upsert({ ticketId: r.ticket_id, bands: r.bands, receivedAt: r.received_at });
  if (rows.length > MAX_TICKETS || (st.index && st.index.size > MAX_TICKETS)) st.index = null;
  st.snapshot = snapshot;
  st.refreshedAt = Math.max(st.refreshedAt, started);
  st.seen = Math.max(st.seen, seen);
}

async function current(deps: Pick<Deps, 'db' | 'now'>): Promise<State> {
  const key = handleKey(deps.db);
  let st = states.get(key);
  if (!st) {
    let p = loads.get(key);
    if (!p) {
      p = load(deps.db, deps.now()).finally(() => loads.delete(key));
      loads.set(key, p);
    }
    const loaded = await p;
    if (!states.has(key)) states.set(key, loaded);
    st = states.get(key)!;
  }
  const s = st;
  const read = () => (s.refreshing ??= refresh(deps.db, s).finally(() => (s.refreshing = undefined)));
  if (Date.now() - s.refreshedAt > staleMs) await read();
  // A read in flight may have begun before this process's latest write: then one more.
  const target = writes.get(key) ?? 0;
  while (s.seen < target) await read();
  if (Date.now() - s.prunedAt > PRUNE_MS) {
    // the window slides: forget tickets received before it (also those deleted meanwhile)
    s.prunedAt = Date.now();
    const coverSince = new Date(deps.now().getTime() - INDEX_WINDOW_DAYS * 86400_000);
    if (coverSince > s.coverSince) {
      s.coverSince = coverSince;
      s.index?.pruneReceivedBefore(coverSince);
    }
    // too many tickets last time: try again in the background (the GIN index answers meanwhile)
    if (!s.index) void load(deps.db, deps.now()).then((next) => states.get(key) === s && states.set(key, next), () => {});
  }
  return s;
}

/**
 * This process wrote signatures through `db`: the next lookup reads the new ones first. Written
 * in a transaction not yet committed, they are read by the refresh after the commit (STALE_MS).
 */
export function signaturesWritten(db: Kysely<DB>): void {
  const key = handleKey(db);
  writes.set(key, (writes.get(key) ?? 0) + 1);
}
/** Forces a refresh at the next lookup. */
export const expireSignatureIndex = signaturesWritten;

let installed = false;
type AfterCommit = (db: Kysely<DB>, count: number) => Promise<void>;
/**
 * Intake writing signatures in its own statement reports each committed group (afterCommit): the
 * next lookup refreshes first. (An intake that signs through indexTicketTexts inside its
 * transaction is covered by signaturesWritten instead.)
 */
export function installSignatureIndexHooks(): void {
  if (installed) return;
  installed = true;
  const hooks = intakeHooks as typeof intakeHooks & { afterCommit?: AfterCommit };
  const previous = hooks.afterCommit;
  if (!previous) return;
  hooks.afterCommit = async (db, count) => {
    signaturesWritten(db);
    await previous(db, count);
  };
}

/**
 * Ids of tickets sharing a band with `bands` and received since `since` (newest first, at most
 * `limit`), or null when the index cannot answer (a window longer than it holds, or too many
 * tickets).
 */
export async function indexedCandidates(
  deps: Pick<Deps, 'db' | 'now'>,
  input: { bands: string[]; since: Date; excludeId?: string | null; limit: number },
): Promise<string[] | null> {
  const st = await current(deps);
  if (!st.index || input.since < st.coverSince) return null;
  return st.index.candidates(input.bands, input);
}
