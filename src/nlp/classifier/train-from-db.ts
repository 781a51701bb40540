// Retraining from the deployment's own history: closed tickets with their *final* category and
// lead unit (after any redispatch, so every dispatcher correction is a training example).
// Kinds: category (level 1), category_detail (the deepest level with enough examples, else
// level 1), unit (lead unit, for auto-dispatch) and request_type. Each becomes a new active
// version in nlp_models when there is enough history.
import { chainOf } from '../../orgs/category-chain.ts';
import type { Deps } from '../../server/deps.ts';
import { categoryTree, closedTicketHistory, insertModel, unitNames, type HistoryRow } from '../models.repo.ts';
import { trainClassifierAsync, type Example, type Progress, type TrainOptions } from './train.ts';
import { placeTags } from './features.ts';
import { unitsServingPath } from '../../dispatch/route.ts';

export const MODEL_KINDS = ['category', 'category_detail', 'unit', 'request_type'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export interface RetrainOptions {
  kinds?: ModelKind[];
  /** fewest labelled tickets needed to train a kind (default 50) */
  minExamples?: number;
  /** a deeper category is its own class only with at least this many tickets (default 20) */
  minPerClass?: number;
  train?: Partial<TrainOptions>;
  onProgress?: (kind: ModelKind, ...p: Parameters<Progress>) => void;
}

export interface RetrainResult {
  kind: ModelKind;
  examples: number;
  classes: number;
  version?: number;
  cvMacroF1?: number;
  threshold?: number | null;
  coverage?: number;
  skipped?: string;
}

type Cat = { code: string; name: string; level: number; parentCode: string | null };

/** Ancestors of a category from level 1 down to itself. */
export function categoryChain(code: string, byCode: Map<string, Cat>): string[] {
  return chainOf(code, byCode, (c) => c.parentCode);
}

/** Per ticket: the deepest ancestor whose class has at least minPerClass tickets (level 1 always). */
export function detailLabels(chains: string[][], minPerClass: number): string[] {
  const count = new Map<string, number>();
  for (const ch of chains) for (const c of ch) count.set(c, (count.get(c) ?? 0) + 1);
  return chains.map((ch) => {
    let label = ch[0];
    for (const c of ch.slice(1)) if ((count.get(c) ?? 0) >= minPerClass) label = c;
    return label;
  });
}

function labelled(history: HistoryRow[], labels: (string | null | undefined)[], more?: (h: HistoryRow) => Partial<Example>): Example[] {
  const out: Example[] = [];
  history.forEach((h, i) => {
    const label = labels[i];
    // Title and content as two fields: their joined text is what the analyzer reads, and the title's
    // own n-grams count too (as for models trained by `lianxin nlp train --text title,body`;
    // +0.007 macro-F1 in 5-fold CV on wenzheng2020). Analysis and intake give the title the same way.
    if (label) out.push({ text: [h.title ?? '', h.content], label, ...more?.(h) });
  });
  return out;
}

export async function retrainFromDb(deps: Deps, opts: RetrainOptions = {}): Promise<RetrainResult[]> {
  const kinds = opts.kinds ?? [...MODEL_KINDS];
  const minExamples = opts.minExamples ?? 50;
  const minPerClass = opts.minPerClass ?? 20;
  const history = await closedTicketHistory(deps.db);
  const cats = await categoryTree(deps.db);
  const byCode = new Map(cats.map((c) => [c.code, c]));
  const names = new Map<string, string>(cats.map((c) => [c.code, c.name]));
  const chains = history.map((h) => (h.categoryCode ? categoryChain(h.categoryCode, byCode) : []));
  const results: RetrainResult[] = [];

  for (const kind of kinds) {
    let examples: Example[];
    let labelNames = names;
    const level1 = new Map<string, string>();
    let unitBranches: Record<string, string[]> | undefined;
    if (kind === 'category') examples = labelled(history, chains.map((c) => c[0]));
    else if (kind === 'category_detail') {
      const withChain = chains.map((c, i) => ({ c, i })).filter((x) => x.c.length > 0);
      const det = detailLabels(withChain.map((x) => x.c), minPerClass);
      const labels: (string | undefined)[] = new Array(history.length);
      withChain.forEach((x, j) => {
        labels[x.i] = det[j];
        level1.set(det[j], x.c[0]);
      });
      examples = labelled(history, labels);
    } else if (kind === 'unit') {
      // The unit model also reads the ticket's division (which township's government or county's
      // bureau acts depends on where the matter is, which the text often does not say), and only
      // the units that can act there are its possible answers, as analysis asks it
      // (unitModelAsk): a 柘荣县 bureau is no answer for a street in 福鼎市.
      const units = [...new Set(history.flatMap((h) => (h.leadUnitId ? [h.leadUnitId] : [])))];
      const allowedAt = new Map<string, string[]>();
      for (const path of new Set(history.map((h) => h.divisionPath ?? ''))) allowedAt.set(path, await unitsServingPath(deps, units, path || null));
      examples = labelled(history, history.map((h) => h.leadUnitId), (h) => ({ tags: placeTags(h.divisionPath), allowed: allowedAt.get(h.divisionPath ?? '') }));
      labelNames = await unitNames(deps.db);
      // which level-1 branches each unit has handled: analysis does not suggest a unit for a matter
      // it never handled when the category is clear (a bureau of the environment for a street light)
      const branches = new Map<string, Set<string>>();
      history.forEach((h, i) => {
        const root = chains[i][0];
        if (h.leadUnitId && root) (branches.get(h.leadUnitId) ?? branches.set(h.leadUnitId, new Set()).get(h.leadUnitId)!).add(root);
      });
      unitBranches = Object.fromEntries([...branches].map(([u, s]) => [u, [...s].sort()]));
    } else examples = labelled(history, history.map((h) => h.requestType));

    const classes = new Set(examples.map((e) => e.label)).size;
    if (examples.length < minExamples || classes < 2) {
      results.push({ kind, examples: examples.length, classes, skipped: `needs ≥ ${minExamples} labelled closed tickets in ≥ 2 classes` });
      continue;
    }
    const model = await trainClassifierAsync(examples, { ...opts.train }, (d, t, phase) => opts.onProgress?.(kind, d, t, phase));
    const metrics: Record<string, unknown> = {
      ...model.metrics,
      labelNames: Object.fromEntries(model.labels.map((l) => [l, labelNames.get(l) ?? l])),
      ...(level1.size ? { labelLevel1: Object.fromEntries(model.labels.map((l) => [l, level1.get(l) ?? l])) } : {}),
      ...(unitBranches ? { unitBranches } : {}),
    };
    const row = await insertModel(deps.db, { kind, model, metrics, trainedOn: examples.length, activate: true });
    const th = model.metrics.threshold;
    results.push({
      kind,
      examples: examples.length,
      classes,
      version: row.version,
      cvMacroF1: model.metrics.cvMacroF1,
      threshold: th?.threshold,
      coverage: th?.coverage,
    });
    deps.log.info({ kind, version: row.version, examples: examples.length, classes, cvMacroF1: model.metrics.cvMacroF1 }, 'nlp model trained');
  }
  return results;
}
