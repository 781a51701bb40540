// Place from text: the deepest division a citizen's text points to. The index is built once per
// process from the divisions table and the learned landmarks, and rebuilt when either changes
// (fingerprint checked at most every few seconds, or at once after invalidatePlaceIndex).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../server/deps.ts';
import { normalize } from '../normalize.ts';
import { loadDivisions, loadLandmarks, placeIndexVersion } from './address.repo.ts';
import { PlaceIndex, type PlaceMatch } from './place-index.ts';

const CHECK_EVERY_MS = 15_000;

interface Cached {
  index: PlaceIndex;
  version: string;
  checkedAt: number;
  building?: Promise<PlaceIndex>;
}
const cache = new WeakMap<Kysely<DB>, Cached>();

/** Forces a rebuild on next use (call after editing divisions or landmarks). */
export function invalidatePlaceIndex(db: Kysely<DB>): void {
  const c = cache.get(db);
  if (c) c.checkedAt = -Infinity;
}

async function build(db: Kysely<DB>, version: string): Promise<PlaceIndex> {
  const [divisions, landmarks] = await Promise.all([loadDivisions(db), loadLandmarks(db)]);
  const index = new PlaceIndex(divisions, landmarks);
  cache.set(db, { index, version, checkedAt: Date.now() });
  return index;
}

/** The current place index for this database. */
export async function placeIndex(deps: Pick<Deps, 'db'>): Promise<PlaceIndex> {
  const c = cache.get(deps.db);
  const now = Date.now();
  if (c && now - c.checkedAt < CHECK_EVERY_MS) return c.index;
  if (c?.building) return c.building;
  const version = await placeIndexVersion(deps.db);
  if (c && c.version === version) {
    c.checkedAt = now;
    return c.index;
  }
  const building = build(deps.db, version);
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
  return index.resolve(text, input.contextCode);
}
