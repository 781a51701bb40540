// The units to suggest for a matter: the unit model's, routing's for the top category in the
// place, and the default government (兜底) last; for the agent console and the dispatcher queue.
import type { AnalyzeResponse } from '../contract/nlp.ts';
import type { Deps } from '../server/deps.ts';
import { resolveRoute, unitsServingPlace } from '../dispatch/route.ts';
import type { Prediction } from './analyze.ts';
import { historyUnits } from './unit-history.ts';

type SuggestedUnit = AnalyzeResponse['units'][number];
/** Below this the unit model's candidate is not offered (the first one down to half of it). */
const MIN_UNIT_CONFIDENCE = 0.05;

/** The unit routing would send this category × place to (routing decides from memory: route-table.ts). */
async function routedUnit(deps: Deps, categoryCode: string, divisionCode: string | null, confidence: number): Promise<SuggestedUnit | null> {
  const r = await resolveRoute(deps, { categoryCode, divisionCode }).catch(() => null);
  if (!r?.leadUnitId) return null;
  return { id: r.leadUnitId, name: r.leadUnitName ?? '', confidence: Math.round(confidence * 1000) / 1000, ...(r.fallback ? { fallback: true } : {}) };
}

/**
 * Units to suggest, first what intake would do with no human: the unit a rule names for a confident
 * category; else the unit model's when it is confident enough to dispatch alone; otherwise the
 * unit routing gives the top category in this place first (the rules are the county's own
 * answer; the default government only last), then the unit model's candidates — a model trained
 * on little history is a hint, not the first choice, and only those that can act in the place
 * (unitsServingPlace). At most `max` (3).
 */
export async function suggestedUnits(deps: Deps, predicted: Prediction | null, top: { code: string; confidence: number } | null, divisionCode: string | null, max = 3) {
  // the unit model's candidates that can act here (with no place: only units serving the whole area)
  const serving = new Set(await unitsServingPlace(deps, (predicted?.units ?? []).map((u) => u.id), divisionCode));
  // a unit the model gives next to no chance (the flat tail of a text it cannot place) is noise
  const model = (predicted?.units ?? []).filter((u, i) => serving.has(u.id) && (i === 0 || u.confidence >= MIN_UNIT_CONFIDENCE) && u.confidence >= MIN_UNIT_CONFIDENCE / 2);
  const [routed, history] = await Promise.all([
    top ? routedUnit(deps, top.code, divisionCode, top.confidence) : null,
    top ? fromHistory(deps, top, divisionCode) : [],
  ]);
  // the model's candidates and the units that answered such matters here before, by confidence
  const learned = mergeCandidates(model, history);
  // intake routes a confident category by rule before it asks the unit model (create-ticket.ts)
  const ruled = !!routed && !routed.fallback && !!predicted?.categoriesConfident;
  if (!ruled && model.length && predicted?.unitsConfident && model[0].id === predicted.units![0].id) return model;
  // a rule's unit leads; the default government (no rule owns the matter) comes after the model's
  // candidates, which at least name a unit that did such work before
  const out: SuggestedUnit[] = routed && !routed.fallback ? [routed] : [];
  const room = routed?.fallback ? max - 1 : max;
  for (const u of learned) if (out.length < room && !out.some((o) => o.id === u.id)) out.push(u);
  // listed last, it does not show more confidence than the units above it (the list stays ranked)
  if (routed?.fallback && !out.some((o) => o.id === routed.id)) out.push({ ...routed, confidence: Math.min(routed.confidence, ...out.map((o) => o.confidence)) });
  return out;
}


/**
 * The units that closed this category's tickets in this place before (unit-history.ts), that can
 * act here, each as confident as the category times its share of those tickets.
 */
async function fromHistory(deps: Deps, top: { code: string; confidence: number }, divisionCode: string | null): Promise<SuggestedUnit[]> {
  const hist = (await historyUnits(deps, top.code, divisionCode).catch(() => [])).slice(0, 3);
  if (!hist.length) return [];
  const serving = new Set(await unitsServingPlace(deps, hist.map((h) => h.id), divisionCode));
  return hist
    .filter((h) => serving.has(h.id))
    .map((h) => ({ id: h.id, name: h.name, confidence: Math.round(top.confidence * h.share * 1000) / 1000 }))
    .filter((u) => u.confidence >= MIN_UNIT_CONFIDENCE);
}

/** One list, each unit once at its higher confidence, most confident first. */
function mergeCandidates(a: SuggestedUnit[], b: SuggestedUnit[]): SuggestedUnit[] {
  const by = new Map<string, SuggestedUnit>();
  for (const u of [...a, ...b]) {
    const seen = by.get(u.id);
    if (!seen || u.confidence > seen.confidence) by.set(u.id, u);
  }
  return [...by.values()].sort((x, y) => y.confidence - x.confidence);
}
