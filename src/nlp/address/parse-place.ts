// Place from text: the deepest division a citizen's text points to. The index is built once per
// process from the divisions table and the learned landmarks, and rebuilt when either changes
// (fingerprint checked at most every few seconds in the background, or at once after
// invalidatePlaceIndex).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../server/deps.ts';
import { normalize } from '../normalize.ts';
import { loadDivisions, loadLandmarks, placeIndexVersion } from './address.repo.ts';
import { PlaceIndex, type PlaceMatch } from './place-index.ts';
import { nationalDivisionsToTownship } from '../../divisions/source.ts';

const CHECK_EVERY_MS = 15_000;
/** Only this much of a text is read for places. */
const MAX_PLACE_TEXT = 2000;

interface Cached {
  index: PlaceIndex;
  version: string;
  checkedAt: number;
  building?: Promise<PlaceIndex>;
  checking?: Promise<PlaceIndex>;
}
const cache = new WeakMap<Kysely<DB>, Cached>();

/** Forces a rebuild on next use (call after editing divisions or landmarks). */
export function invalidatePlaceIndex(db: Kysely<DB>): void {
  const c = cache.get(db);
  if (c) c.checkedAt = -Infinity;
}

async function build(db: Kysely<DB>, version: string): Promise<PlaceIndex> {
  const [divisions, landmarks] = await Promise.all([loadDivisions(db), loadLandmarks(db)]);
  const index = new PlaceIndex(divisions, landmarks, nationalDivisionsToTownship());
  cache.set(db, { index, version, checkedAt: Date.now() });
  return index;
}

/**
 * The current place index for this database. The periodic check runs in the background (the
 * index in hand answers meanwhile); after invalidatePlaceIndex the next call waits for it.
 */
export async function placeIndex(deps: Pick<Deps, 'db'>): Promise<PlaceIndex> {
  const c = cache.get(deps.db);
  if (c && Date.now() - c.checkedAt < CHECK_EVERY_MS) return c.index;
  if (c && c.checkedAt !== -Infinity) {
    c.checking ??= check(deps.db, c).finally(() => (c.checking = undefined));
    c.checking.catch(() => {}); // retried by the next call
    return c.index;
  }
  if (c?.building) return c.building;
  return check(deps.db, c);
}

async function check(db: Kysely<DB>, c: Cached | undefined): Promise<PlaceIndex> {
  const now = Date.now();
  const version = await placeIndexVersion(db);
  if (c && c.version === version) {
    c.checkedAt = now;
    return c.index;
  }
  const building = build(db, version);
  if (c) c.building = building;
  try {
    return await building;
  } finally {
    if (c) c.building = undefined;
  }
}

export interface ParsePlaceInput {
  text: string;
  /** A division the text is known to concern (the caller's jurisdiction, the form's county …). */
  contextCode?: string | null;
  /** Set when `text` is already normalised. */
  normalized?: boolean;
}

export async function parsePlace(deps: Pick<Deps, 'db'>, input: ParsePlaceInput): Promise<PlaceMatch | null> {
  const index = await placeIndex(deps);
  const text = input.normalized ? input.text : normalize(input.text);
  // places are named near the start (the address field comes first); a 20,000-character text of
  // place names would otherwise cost ~0.2 s
  return index.resolve(text.length > MAX_PLACE_TEXT ? text.slice(0, MAX_PLACE_TEXT) : text, input.contextCode);
}

/** A division of the deployment's tree by code (from the place index in memory), or null. */
export async function knownDivision(deps: Pick<Deps, 'db'>, code: string): Promise<{ code: string; name: string; path: string } | null> {
  return (await placeIndex(deps)).byCode.get(code) ?? null;
}
