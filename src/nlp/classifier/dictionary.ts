// The deployment's own names for the segmenter's user dictionary: divisions (down to
// street/township), unit names and short names, category names. Loaded (again) each time hotspots
// are clustered, so names added since are known; adding is idempotent.
import type { Deps } from '../../server/deps.ts';
import { dictionaryTerms } from '../models.repo.ts';
import { userDictionary, type UserDictionary } from '../segment.ts';

/** Adds the deployment's names to `dict` (the process-wide one by default); returns its size. */
export async function loadDeploymentDictionary(deps: Pick<Deps, 'db'>, dict: UserDictionary = userDictionary): Promise<number> {
  dict.add(await dictionaryTerms(deps.db));
  return dict.size;
}
