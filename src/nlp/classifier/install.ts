// Wiring the trained models into the product, once per process (the nlp routes module calls
// installClassifier at start-up):
//   - request analysis (agent console, dispatcher queue) uses the models instead of keywords;
//   - intake gets `autoCategory` when the category model's confidence reaches the threshold
//     chosen on held-out history for ≥ 95% precision, so the ticket is dispatched by rule with
//     no human (the deeper category when the detail model is as sure and agrees, or when an admin
//     keyword of a category no model has learned names one in the same branch); and a request
//     type when that model is confident; and `autoUnit` when the unit model (which reads the place)
//     reaches its threshold, for matters no rule owns — neither when an open ticket in a related
//     place says nearly the same (the dispatcher merges it). Never an auto category for danger to life that belongs
//     to 110/119/120 (持刀, 着火, 溺水 …): the agent or dispatcher decides whether to transfer it,
//     and it waits at the top of their queue (its urgency gives it a one-hour dispatch limit).
import { REQUEST_TYPES, type RequestType } from '../../contract/enums.ts';
import { intakeHooks } from '../../tickets/intake-hooks.ts';
import { normalize } from '../normalize.ts';
import { explicitRequestType, urgencyCue } from '../analyze-rules.ts';
import { activeModel, learnedCategoryCodes, levelOneOf, thresholdOf, type ActiveModel } from './active-model.ts';
import { activeCategoryRows } from '../analyze.ts';
import { categoriesByCode, hitPlace, unlearnedKeywordHit } from '../keyword-rule.ts';
import { classifyMany } from './classify-many.ts';
import { headedFields } from './features.ts';
import { knownDivision } from '../address/parse-place.ts';
import { findDuplicates } from '../dedupe/find-duplicates.ts';
import { installClassifierPredictor, unitModelAsk } from './predictor.ts';

let installed = false;

export function installClassifier(): void {
  if (installed) return;
  installed = true;
  installClassifierPredictor();
  const previous = intakeHooks.analyze;
  intakeHooks.analyze = async (deps, input, wants) => {
    const hints = await previous(deps, input, wants);
    // Only what intake will use: no category model when the caller's category stands, no type
    // model when the caller gave the type.
    let wantCategory = wants.category && !hints.autoCategory;
    const wantType = !input.type && !hints.requestType;
    if (!wantCategory && !wantType) return hints;
    const text = normalize(input.title ? `${input.title} ${input.content}` : input.content);
    const statedType = explicitRequestType(text);
    if (wantCategory) {
      const cue = urgencyCue(text, statedType);
      if (cue.level === 'emergency' && cue.transferTo) wantCategory = false;
    }
    // the type the caller states (我要投诉, 请问…) stands; the model only guesses the rest
    const stated = wantType ? statedType : null;
    if (stated) hints.requestType = stated;
    const [cat, detail, rtype, unit] = await Promise.all([
      wantCategory ? activeModel(deps, 'category') : null,
      wantCategory ? activeModel(deps, 'category_detail') : null,
      wantType && !stated ? activeModel(deps, 'request_type') : null,
      wantCategory ? activeModel(deps, 'unit') : null,
    ]);
    // the unit model reads the place (given, else read from the text) and answers among the units that can act there
    const code = input.divisionCode ?? hints.divisionCode ?? null;
    const unitPath = unit && code ? ((await knownDivision(deps, code))?.path ?? null) : null;
    const unitAsk = unit ? await unitModelAsk(deps, unit, unitPath) : {};
    const asked = [cat, cat && detail, rtype, unit].filter((m): m is ActiveModel => !!m);
    const answers = classifyMany(
      asked.map((m) => ({ model: m.model, topK: 1, explainTerms: 0, ...(m === unit ? unitAsk : {}) })),
      headedFields(text, input.title ? normalize(input.title) : null),
      true,
    );
    const answerOf = (m: ActiveModel) => answers[asked.indexOf(m)];
    if (cat) {
      const p = answerOf(cat);
      const th = thresholdOf(cat);
      if (th !== null && p.confidence >= th) hints.autoCategory = { code: p.label, confidence: Math.round(p.confidence * 1000) / 1000 };
      // the deeper category when its model is sure too and agrees with the level-1 decision (as analyze shows it)
      if (hints.autoCategory && detail) {
        const d = answerOf(detail);
        const dth = thresholdOf(detail);
        if (dth !== null && d.confidence >= dth && levelOneOf(detail, d.label) === p.label && d.label !== p.label) hints.autoCategory = { ...hints.autoCategory, code: d.label };
      }
      // an admin keyword of a category no model has learned, inside the branch the model is sure of
      if (hints.autoCategory) {
        const cats = await activeCategoryRows(deps.db);
        const hit = unlearnedKeywordHit(text, cats, learnedCategoryCodes(cat, detail), cat.trainedAt);
        if (hit && hitPlace(hit, hints.autoCategory.code, categoriesByCode(cats)) === 'first') {
          hints.autoCategory = { ...hints.autoCategory, code: hit.code, keyword: hit.keyword };
        }
      }
    }
    if (unit) {
      const u = answerOf(unit);
      const th = thresholdOf(unit);
      if (th !== null && u.confidence >= th) hints.autoUnit = { unitId: u.label, confidence: Math.round(u.confidence * 1000) / 1000 };
    }
    if (rtype) {
      const p = answerOf(rtype);
      const th = thresholdOf(rtype);
      if (th !== null && p.confidence >= th && (REQUEST_TYPES as readonly string[]).includes(p.label)) hints.requestType = p.label as RequestType;
    }
    // the same matter already open in a related place: no second ticket goes out on its own; the
    // dispatcher sees the pair in the queue and merges it (并案) in one click
    if (hints.autoCategory || hints.autoUnit) {
      const dup = await findDuplicates(deps, { text, normalized: true, divisionCode: code }).catch(() => null);
      if (dup?.duplicates.length) {
        delete hints.autoCategory;
        delete hints.autoUnit;
      }
    }
    return hints;
  };
}
