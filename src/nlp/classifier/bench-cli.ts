// Classifier benchmark: training time on ~10k tickets and per-text classify time.
//   npx tsx src/nlp/classifier/bench-cli.ts [DATA_DIR] [--size 10000] [--only 7|category]
// DATA_DIR holds the wenzheng2020 files. The labelled 921 messages train a model that labels the
// unlabelled messages (messages-with-replies, messages-with-votes); the union, topped up by
// re-using messages with a suffix, is the 10k-ticket history. Two label sets are timed: the 7
// categories, and "units" = category × city (the city letter in the anonymised place names),
// which gives a many-class problem like auto-dispatch.
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readJsonl } from './jsonl.ts';
import { classify, loadModel } from './model.ts';
import { trainClassifier, type Example } from './train.ts';

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { size: { type: 'string', default: '10000' }, only: { type: 'string' } } });
  const dir = positionals[0] ?? '../shared/data/wenzheng2020';
  const size = Number(values.size);
  const files = ['labelled.jsonl', 'messages-with-replies.jsonl', 'messages-with-votes.jsonl'].map((f) => join(dir, f));
  if (!files.every(existsSync)) throw new Error(`need ${files.join(', ')}`);
  const [labelled, replies, votes] = files.map(readJsonl);
  const text = (r: Record<string, unknown>) => [String(r.title ?? ''), String(r.body ?? '')];

  const only = values.only;
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; node ${process.version}`);
  const seed = loadModel(trainClassifier(labelled.map((r) => ({ text: text(r), label: String(r.label) })), { cvFolds: 0 }));
  const pool = [...labelled.map((r) => ({ t: text(r), label: String(r.label) })), ...[...replies, ...votes].map((r) => ({ t: text(r), label: classify(seed, text(r), 1, 0).label }))];
  const history: { t: string[]; label: string }[] = [];
  for (let i = 0; history.length < size; i++) {
    const p = pool[i % pool.length];
    const round = Math.floor(i / pool.length);
    history.push(round ? { t: [p.t[0], `${p.t[1]} (${round})`], label: p.label } : p);
  }
  const city = (t: string[]) => /([A-N])\d*[市县区]/.exec(t.join(' '))?.[1] ?? 'X';
  const sets: [string, Example[]][] = [
    ['7 categories', history.map((h) => ({ text: h.t, label: h.label }))],
    ['category × city ("units")', history.map((h) => ({ text: h.t, label: `${h.label}/${city(h.t)}` }))],
  ];
  for (const [name, examples] of sets) {
    if (only && !name.startsWith(only)) continue;
    const classes = new Set(examples.map((e) => e.label)).size;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const json = trainClassifier(examples);
    const secs = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    const modelBytes = JSON.stringify(json).length;
    console.log(
      `train ${examples.length} tickets, ${classes} classes (${name}), ${json.metrics.cvFolds}-fold calibration included: wall ${secs.toFixed(1)} s, CPU ${cpuSecs.toFixed(1)} s; ` +
        `features kept ${json.terms.length}; model JSON ${(modelBytes / 1e6).toFixed(1)} MB; CV macro-F1 ${json.metrics.cvMacroF1?.toFixed(3)}`,
    );
    const model = loadModel(json);
    const sample = examples.slice(0, 2000);
    for (const e of sample.slice(0, 200)) classify(model, e.text); // warm up
    const times: number[] = [];
    for (const e of sample) {
      const s = performance.now();
      classify(model, e.text);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const c1 = process.cpuUsage();
    const w1 = performance.now();
    for (const e of sample) classify(model, e.text);
    const perCpu = (process.cpuUsage(c1).user / 1000) / sample.length;
    const perWall = (performance.now() - w1) / sample.length;
    console.log(
      `  classify (normalise + features + scores + explain), ${times.length} texts: median ${pct(times, 0.5).toFixed(3)} ms, p99 ${pct(times, 0.99).toFixed(3)} ms; ` +
        `mean wall ${perWall.toFixed(3)} ms, mean CPU ${perCpu.toFixed(3)} ms`,
    );
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
