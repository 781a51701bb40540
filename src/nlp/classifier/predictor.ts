// The trained models behind request analysis and auto-dispatch. `installClassifierPredictor()`
// plugs them into analyze.ts (which falls back to keywords while no model is trained);
// `autoDispatchDecision` says whether the unit model is confident enough to dispatch alone.
import type { Deps } from '../../server/deps.ts';
import { REQUEST_TYPES, type RequestType } from '../../contract/enums.ts';
import { setPredictor, type Prediction as AnalyzePrediction, type Predictor } from '../analyze.ts';
import { activeModel, learnedCategoryCodes, levelOneOf, thresholdOf, type ActiveModel } from './active-model.ts';
import { activeCategoryRows } from '../analyze.ts';
import { ancestorsOf, categoriesByCode, hitPlace, unlearnedKeywordHit } from '../keyword-rule.ts';
import type { CategoryRow } from '../analyze-rules.ts';
import { classify } from './model.ts';
import { classifyMany, type ClassifyRequest } from './classify-many.ts';
import { headedFields, placeTags } from './features.ts';
import { readableTerms } from './explain-words.ts';
import { unitsServingPath } from '../../dispatch/route.ts';

const round = (x: number) => Math.round(x * 1000) / 1000;
const nameOf = (metrics: Record<string, unknown>, label: string) =>
  ((metrics.labelNames ?? {}) as Record<string, string>)[label] ?? label;

type Candidate = AnalyzePrediction['categories'][number];

/**
 * An admin keyword of a category the models have not learned (keyword-rule.ts): inside the branch
 * of the model's first answer it takes the first place (with the model's confidence in that branch)
 * and its ancestors give way; in another branch it is offered after the model's candidates.
 */
export function withKeywordRule(categories: Candidate[], text: string, cats: CategoryRow[], learned: ReadonlySet<string>, trainedAt?: Date): Candidate[] {
  const hit = unlearnedKeywordHit(text, cats, learned, trainedAt);
  if (!hit || !categories.length) return categories;
  const byCode = categoriesByCode(cats);
  const top = categories[0];
  const place = hitPlace(hit, top.code, byCode);
  if (place === 'none') return categories;
  const rest = categories.filter((c) => c.code !== hit.code);
  const own: Candidate = { code: hit.code, name: hit.name, confidence: top.confidence, keyword: hit.keyword };
  if (place === 'first') {
    const ancestors = new Set(ancestorsOf(hit.code, byCode));
    return [own, ...rest.filter((c) => !ancestors.has(c.code))];
  }
  // offered after the model's candidates: it has no confidence of its own (the list stays ranked)
  return [top, ...rest.slice(1), { ...own, confidence: 0 }];
}

/**
 * What the unit model is asked with beside the text: the place's tags it was trained with, and the
 * units that can act there (its only possible answers, as in training). Analysis, intake and
 * autoDispatchDecision ask it the same way.
 */
export async function unitModelAsk(deps: Pick<Deps, 'db'>, unit: ActiveModel, divisionPath: string | null | undefined) {
  return { tags: placeTags(divisionPath), allowed: await unitsServingPath(deps, unit.model.labels, divisionPath) };
}

export const classifierPredictor: Predictor = async (deps, text, title, divisionPath) => {
  const cat = await activeModel(deps, 'category');
  if (!cat) return null;
  const [detail, unit, rtype] = await Promise.all([
    activeModel(deps, 'category_detail'),
    activeModel(deps, 'unit'),
    activeModel(deps, 'request_type'),
  ]);
  // one walk of the text for all the models (classify-many.ts)
  const asked: ClassifyRequest[] = [{ model: cat.model, topK: 3, explainTerms: 8 }];
  const at = (m: typeof detail, more?: Partial<ClassifyRequest>) => (m ? asked.push({ model: m.model, topK: 3, explainTerms: 0, ...more }) - 1 : -1);
  // the unit model also reads where the matter is (trained with the tickets' divisions), and
  // answers only with units that can act there (as it was trained)
  const [iDetail, iUnit, iType] = [at(detail), at(unit, unit ? await unitModelAsk(deps, unit, divisionPath) : undefined), at(rtype)];
  const answers = classifyMany(asked, headedFields(text, title), true);
  const p = answers[0];
  let categories = p.candidates.map((c) => ({ code: c.label, name: nameOf(cat.metrics, c.label), confidence: round(c.confidence) }));
  if (detail) {
    // a deeper category first when the detail model agrees with the level-1 decision
    const d = answers[iDetail];
    if (d.label !== p.label && levelOneOf(detail, d.label) === p.label && d.confidence >= 0.5) {
      // the deeper category stands for its parent: the parent is not listed beside it
      categories = [{ code: d.label, name: nameOf(detail.metrics, d.label), confidence: round(d.confidence) }, ...categories.filter((c) => c.code !== p.label)];
    }
  }
  // alternatives the model gives no chance are noise to the agent (the first one always stays)
  categories = categories.filter((c, i) => i === 0 || c.confidence >= 0.01);
  categories = withKeywordRule(categories, text, await activeCategoryRows(deps.db), learnedCategoryCodes(cat, detail), cat.trainedAt);
  const out: AnalyzePrediction = { categories, terms: readableTerms(p.explain.map((e) => e.term), text) };
  const cth = thresholdOf(cat);
  out.categoriesConfident = cth !== null && p.confidence >= cth;
  if (unit) {
    const u = answers[iUnit];
    out.units = u.candidates.map((c) => ({ id: c.label, name: nameOf(unit.metrics, c.label), confidence: round(c.confidence) }));
    const th = thresholdOf(unit);
    out.unitsConfident = th !== null && u.confidence >= th;
    if (out.categoriesConfident && categories[0]) {
      const fits = unitsOfBranch(unit, out.units, categories[0].code, categoriesByCode(await activeCategoryRows(deps.db)));
      if (fits.length !== out.units.length) {
        out.unitsConfident = out.unitsConfident && fits[0]?.id === out.units[0]?.id;
        out.units = fits;
      }
    }
  }
  if (rtype) {
    const r = answers[iType];
    if (r.confidence >= 0.5 && (REQUEST_TYPES as readonly string[]).includes(r.label)) out.requestType = r.label as RequestType;
  }
  return out;
};

/**
 * Of the unit model's candidates, those that have handled the branch (level-1 category) of a clear
 * category before, as the model's training recorded (`unitBranches`); all of them when the model
 * recorded nothing (trained before it did) or the category's branch is unknown.
 */
export function unitsOfBranch<U extends { id: string }>(unit: ActiveModel, units: U[], categoryCode: string, byCode: Map<string, CategoryRow>): U[] {
  const branches = unit.metrics.unitBranches as Record<string, string[]> | undefined;
  if (!branches || !byCode.has(categoryCode)) return units;
  const root = [...ancestorsOf(categoryCode, byCode)].pop() ?? categoryCode;
  return units.filter((u) => branches[u.id]?.includes(root));
}

/** Makes request analysis use the trained models (call once at start-up). */
export function installClassifierPredictor(): void {
  setPredictor(classifierPredictor);
}

export interface AutoDispatchDecision {
  /** true: dispatch to candidates[0] with no human */
  auto: boolean;
  confidence: number;
  threshold: number | null;
  modelVersion: number;
  candidates: { unitId: string; name: string; confidence: number }[];
}

/**
 * The unit model's decision for a (normalised) ticket text: auto when its confidence reaches the
 * threshold chosen on held-out history for ≥ 95% precision; otherwise the top 3 for the
 * dispatcher queue. Null when no unit model is trained.
 */
export async function autoDispatchDecision(deps: Pick<Deps, 'db'>, text: string | string[], divisionPath?: string | null): Promise<AutoDispatchDecision | null> {
  const unit = await activeModel(deps, 'unit');
  if (!unit) return null;
  const { tags, allowed } = await unitModelAsk(deps, unit, divisionPath);
  const p = classify(unit.model, text, 3, 0, tags, allowed);
  const threshold = thresholdOf(unit);
  return {
    auto: threshold !== null && p.confidence >= threshold,
    confidence: round(p.confidence),
    threshold,
    modelVersion: unit.version,
    candidates: p.candidates.map((c) => ({ unitId: c.label, name: nameOf(unit.metrics, c.label), confidence: round(c.confidence) })),
  };
}
