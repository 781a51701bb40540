// npm run eval:classify -- FILE.jsonl [--text title,body] [--label label] [--folds 5] [--seed 42 | --seeds 42,7,1] [--nested]
// Prints stratified k-fold macro-F1, accuracy, the per-class table and confusion matrix of our
// classifier, and the naive-Bayes char 1–2-gram baseline on the same folds. With --seeds, the
// summary is repeated for every fold seed and averaged (the table is the first seed's).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { crossValidate, crossValidateNaiveBayes, nestedCrossValidate, type CvResult } from './classifier/evaluate.ts';
import { assertTextFields, examplesFrom, parseFieldList, readJsonl } from './classifier/jsonl.ts';
import { formatReport } from './classifier/metrics.ts';

const USAGE = 'usage: npm run eval:classify -- FILE.jsonl [--text title,body] [--label label] [--folds 5] [--seed 42 | --seeds 42,7,1] [--nested]';

function line(r: CvResult): string {
  return `${r.name.padEnd(58)} macro-F1 ${r.report.macroF1.toFixed(4)}  accuracy ${r.report.accuracy.toFixed(4)}  (${r.seconds.toFixed(1)} s)`;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      text: { type: 'string', default: 'title,body' },
      label: { type: 'string', default: 'label' },
      folds: { type: 'string', default: '5' },
      seed: { type: 'string', default: '42' },
      seeds: { type: 'string' },
      nested: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const file = positionals[0];
  if (values.help || !file) {
    console.log(USAGE);
    process.exit(file ? 0 : 2);
  }
  if (!existsSync(file)) throw new Error(`no such file: ${file}`);
  const k = Number(values.folds);
  const seeds = parseFieldList(values.seeds, [values.seed!]).map(Number);
  if (!Number.isInteger(k) || k < 2) throw new Error('--folds must be an integer ≥ 2');
  if (!seeds.every(Number.isInteger)) throw new Error('--seed/--seeds must be integers');
  const fields = parseFieldList(values.text, ['title', 'body']);
  const rows = readJsonl(file);
  assertTextFields(rows, fields, file);
  const examples = examplesFrom(rows, fields, values.label!);
  const classes = new Set(examples.map((e) => e.label));
  if (classes.size < 2) throw new Error(`need at least two labels in field "${values.label}", found ${classes.size}`);
  if (examples.length < k) throw new Error(`${examples.length} labelled examples cannot be split into ${k} folds (--folds)`);
  const smallest = Math.min(...[...classes].map((c) => examples.filter((e) => e.label === c).length));
  if (smallest < k) console.error(`warning: a class has only ${smallest} example(s), fewer than the ${k} folds: its F1 says little`);
  console.log(`${file}: ${examples.length} labelled examples, ${classes.size} classes; text ${fields.join('+')}; stratified ${k}-fold CV, seed${seeds.length > 1 ? 's' : ''} ${seeds.join(', ')}\n`);

  const sums = new Map<string, number[]>();
  for (const [s, seed] of seeds.entries()) {
    const ours = crossValidate(examples, k, seed);
    if (s === 0) {
      console.log(`== ${ours.name}`);
      console.log(formatReport(ours.report));
      console.log('');
    }
    const nb1 = crossValidateNaiveBayes(examples, k, seed, 1);
    const nb01 = crossValidateNaiveBayes(examples, k, seed, 0.1);
    const nested = values.nested ? nestedCrossValidate(examples, k, seed) : undefined;
    console.log(`== summary (same folds, seed ${seed})`);
    for (const r of [ours, nested, nb1, nb01]) {
      if (!r) continue;
      console.log(line(r));
      sums.set(r.name, [...(sums.get(r.name) ?? []), r.report.macroF1]);
    }
    if (nested) console.log(`nested CV chose per outer fold: ${nested.chosen!.join('; ')}`);
    console.log('');
  }
  if (seeds.length > 1) {
    console.log(`== macro-F1 averaged over seeds ${seeds.join(', ')}`);
    for (const [name, f1s] of sums) console.log(`${name.padEnd(58)} mean ${(f1s.reduce((a, b) => a + b, 0) / f1s.length).toFixed(4)}  (${f1s.map((f) => f.toFixed(4)).join(', ')})`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
