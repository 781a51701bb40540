// `lianxin nlp train` (from a labelled JSONL file, or --from-db from closed tickets),
// `lianxin nlp predict` (JSONL in, JSONL out with prediction and confidence) and `lianxin nlp models`.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { assertTextFields, examplesFrom, hasText, lines, parseFieldList, readJsonl, rowText, stripBom } from './classifier/jsonl.ts';
import { classify, loadModel, modelProblem, type ClassifierModel } from './classifier/model.ts';
import { trainClassifier } from './classifier/train.ts';
import { MODEL_KINDS, type ModelKind } from './classifier/train-from-db.ts';

function progressBar(label: string) {
  const bar = new SingleBar(
    { format: `${label} {bar} {percentage}% | {phase}`, hideCursor: true, stream: process.stderr, clearOnComplete: false },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number, phase: string) {
      if (!process.stderr.isTTY) return;
      if (!started) {
        bar.start(total, 0, { phase });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { phase });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

const num = (v: string | undefined, name: string, min: number, max: number): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number in [${min}, ${max}]`);
  return n;
};

async function trainFromFile(o: { data: string; text?: string; label: string; out: string; folds?: string; targetPrecision?: string }) {
  const fields = parseFieldList(o.text, ['title', 'body']);
  const folds = num(o.folds, 'folds', 0, 20);
  if (folds !== undefined && (!Number.isInteger(folds) || folds === 1)) throw new Error('--folds must be 0 (no cross-validation) or a whole number from 2 to 20');
  // before the work, not after it: where the model goes must exist
  const outDir = dirname(resolve(o.out));
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) throw new Error(`--out ${o.out}: no such directory ${outDir}`);
  if (existsSync(o.out) && statSync(o.out).isDirectory()) throw new Error(`--out ${o.out} is a directory: give the model file's name, e.g. ${o.out.replace(/\/$/, '')}/model.json`);
  if (existsSync(o.data) && statSync(o.data).isDirectory()) throw new Error(`--data ${o.data} is a directory, not a JSONL file`);
  const rows = readJsonl(o.data);
  assertTextFields(rows, fields, o.data);
  const examples = examplesFrom(rows, fields, o.label);
  if (!examples.length) throw new Error(`${o.data}: no row has a label in "${o.label}" (--label)`);
  const unlabelled = rows.length - examples.length;
  if (unlabelled) console.error(`${unlabelled} of ${rows.length} rows have no "${o.label}" and are left out`);
  // labels written as JSON numbers come back as numbers, so `prediction === label` holds
  const labelled = rows.filter((r) => r[o.label] !== undefined && r[o.label] !== null && r[o.label] !== '');
  const numericLabels = labelled.length > 0 && labelled.every((r) => typeof r[o.label] === 'number');
  const bar = progressBar('training');
  const model = trainClassifier(
    examples,
    { cvFolds: folds ?? 5, targetPrecision: num(o.targetPrecision, 'target-precision', 0.5, 1) ?? 0.95 },
    (d, t, phase) => bar.update(d, t, phase),
  );
  bar.stop();
  writeFileSync(o.out, JSON.stringify({ ...model, textFields: fields, numericLabels }));
  const m = model.metrics;
  const th = m.threshold;
  console.error(
    `trained on ${m.examples} examples, ${m.classes} classes in ${m.trainSeconds.toFixed(1)} s → ${o.out}` +
      (m.cvMacroF1 !== undefined ? `\n${m.cvFolds}-fold CV: macro-F1 ${m.cvMacroF1.toFixed(4)}, accuracy ${m.cvAccuracy!.toFixed(4)}` : '') +
      (th ? `\nauto threshold for ${th.targetPrecision * 100}% precision: ${th.threshold === null ? 'none reached' : `${th.threshold.toFixed(3)} (coverage ${(th.coverage * 100).toFixed(1)}%)`}` : ''),
  );
}

async function trainFromDatabase(o: { kinds?: string; minExamples?: string }) {
  const { openDeps } = await import('../server/start.ts');
  const { retrainFromDb } = await import('./classifier/train-from-db.ts');
  const kinds = o.kinds ? (parseFieldList(o.kinds, []) as ModelKind[]) : undefined;
  for (const k of kinds ?? []) if (!(MODEL_KINDS as readonly string[]).includes(k)) throw new Error(`unknown kind ${k}; kinds: ${MODEL_KINDS.join(', ')}`);
  const { deps, close } = await openDeps();
  const bar = progressBar('training');
  try {
    const results = await retrainFromDb(deps, { kinds, minExamples: num(o.minExamples, 'min-examples', 2, 1e9), onProgress: (kind, d, t, phase) => bar.update(d, t, `${kind}: ${phase}`) });
    bar.stop();
    for (const r of results) {
      console.log(
        r.skipped
          ? `${r.kind}: skipped (${r.examples} examples, ${r.classes} classes; ${r.skipped})`
          : `${r.kind}: version ${r.version} active; ${r.examples} examples, ${r.classes} classes; CV macro-F1 ${r.cvMacroF1?.toFixed(4) ?? '-'}; auto threshold ${r.threshold?.toFixed(3) ?? 'none'} (coverage ${((r.coverage ?? 0) * 100).toFixed(1)}%)`,
      );
    }
  } finally {
    bar.stop();
    await close();
  }
}

async function predict(o: { model: string; text?: string; top?: string }) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(o.model, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(`${o.model}: ${err.code === 'ENOENT' ? 'no such model file' : err.code === 'EISDIR' ? 'is a directory, not a model file' : `not a model file (${err.message})`}`);
  }
  const problem = modelProblem(json);
  if (problem) throw new Error(`${o.model}: ${problem}`);
  const saved = json as ClassifierModel & { textFields?: string[]; numericLabels?: boolean };
  const fields = parseFieldList(o.text, saved.textFields ?? ['title', 'body']);
  const top = num(o.top, 'top', 1, saved.labels.length);
  const model = loadModel(saved);
  const asLabel = saved.numericLabels ? Number : (l: string) => l;
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as Unix filters do.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  let n = 0;
  let empty = 0;
  let seenText = false;
  const bad: number[] = [];
  for await (const line of lines(process.stdin)) {
    n++;
    if (!line.trim()) {
      // output line n stays input line n (a blank line stays blank)
      if (!process.stdout.write('\n')) await new Promise((r) => process.stdout.once('drain', r));
      continue;
    }
    let row: Record<string, unknown> | undefined;
    try {
      row = JSON.parse(stripBom(line)); // (a mark on a later line too: files joined with cat)
    } catch {
      row = undefined;
    }
    if (!row || typeof row !== 'object' || Array.isArray(row)) {
      // one broken line loses neither the lines after it nor the line numbering: its output line
      // says what was wrong, the run goes on and ends with a non-zero exit status
      const error = row === undefined ? 'not JSON' : 'not a JSON object';
      bad.push(n);
      if (!process.stdout.write(JSON.stringify({ line: n, error }) + '\n')) await new Promise((r) => process.stdout.once('drain', r));
      continue;
    }
    if (!hasText(row, fields)) {
      // the first row tells whether --text names fields these rows have at all
      if (!seenText) assertTextFields([row], fields, `stdin line ${n}`);
      empty++;
    } else seenText = true;
    const p = classify(model, rowText(row, fields), top ?? 1, 0);
    const added: Record<string, unknown> = { prediction: asLabel(p.label), confidence: Math.round(p.confidence * 1e4) / 1e4 };
    if (top) added.candidates = p.candidates.map((c) => ({ label: asLabel(c.label), confidence: Math.round(c.confidence * 1e4) / 1e4 }));
    if (!process.stdout.write(withFields(line, row, added) + '\n')) await new Promise((r) => process.stdout.once('drain', r));
  }
  if (empty) console.error(`${empty} rows had no text in ${fields.join(', ')}: predicted from nothing (the most likely class with low confidence)`);
  if (bad.length) {
    console.error(`${bad.length} stdin line(s) were not JSON objects (line ${bad.slice(0, 10).join(', ')}${bad.length > 10 ? ' …' : ''}): their output lines hold {"line", "error"} instead of a prediction`);
    process.exitCode = 1;
  }
}

/**
 * The input line as it was, with the new fields added before its closing brace, so numbers JSON
 * cannot hold exactly (12345678901234567890) and key order come out unchanged; re-serialised
 * only when the row already has one of those fields.
 */
function withFields(line: string, row: Record<string, unknown>, added: Record<string, unknown>): string {
  const text = stripBom(line).trimEnd();
  if (Object.keys(added).some((k) => k in row) || !text.endsWith('}')) return JSON.stringify({ ...row, ...added });
  const body = text.slice(0, -1).trimEnd();
  const extra = JSON.stringify(added).slice(1, -1);
  return `${body}${Object.keys(row).length ? ',' : ''}${extra}}`;
}

export function nlpCli(program: Command) {
  const nlp = program.commands.find((c) => c.name() === 'nlp') ?? program.command('nlp').description('request understanding: classifier training and prediction');

  nlp
    .command('train')
    .description('train a classifier from a labelled JSONL file (--data … --out …) or from closed tickets (--from-db)')
    .option('--data <file>', 'labelled JSONL file')
    .option('--text <fields>', 'comma-separated text fields, joined (default title,body)')
    .option('--label <field>', 'label field', 'label')
    .option('--out <file>', 'where to write the model (JSON)')
    .option('--folds <k>', 'cross-validation folds for calibration and threshold (default 5; 0 skips)')
    .option('--target-precision <p>', 'precision required of auto decisions (default 0.95)')
    .option('--from-db', 'train category/unit/request-type models from closed tickets and activate them')
    .option('--kinds <list>', `with --from-db: which of ${MODEL_KINDS.join(', ')}`)
    .option('--min-examples <n>', 'with --from-db: fewest labelled tickets per model (default 50)')
    .action(async (o) => {
      if (o.fromDb) return trainFromDatabase(o);
      if (!o.data || !o.out) throw new Error('nlp train needs --data FILE.jsonl and --out MODEL (or --from-db)');
      return trainFromFile(o);
    });

  nlp
    .command('predict')
    .description('read JSONL on stdin, write each line plus prediction and confidence to stdout')
    .requiredOption('--model <file>', 'a model written by nlp train')
    .option('--text <fields>', 'comma-separated text fields (default: those used in training)')
    .option('--top <k>', 'also add the k best candidates')
    .action(predict);

  nlp
    .command('models')
    .description('list trained models in the database')
    .action(async () => {
      const { openDeps } = await import('../server/start.ts');
      const { listModels } = await import('./models.repo.ts');
      const { deps, close } = await openDeps();
      try {
        for (const m of await listModels(deps.db)) {
          const f1 = m.metrics.cvMacroF1 as number | undefined;
          console.log(`${m.kind.padEnd(16)} v${m.version}${m.active ? ' (active)' : ''}  trained on ${m.trainedOn}  CV macro-F1 ${f1?.toFixed(4) ?? '-'}  ${m.createdAt.toISOString()}`);
        }
      } finally {
        await close();
      }
    });
}
