// The CLI round trip: `lianxin nlp train` on a labelled JSONL file, then `lianxin nlp predict`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELD_OUT, TRAIN } from './classifier/fixtures.test-data.ts';

const BIN = join(import.meta.dirname, '../../bin/lianxin.js');
const run = (args: string[], input?: string) =>
  execFileSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'silent' } });

describe('lianxin nlp train / predict', () => {
  it('trains from named fields and appends prediction and confidence to every input line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lx-nlp-cli-'));
    const data = join(dir, 'train.jsonl');
    const model = join(dir, 'model.json');
    // field names chosen by the flags, not fixed
    writeFileSync(data, TRAIN.map((r, i) => JSON.stringify({ id: i, subject: r.title, text: r.body, topic: r.label })).join('\n') + '\n');
    run(['nlp', 'train', '--data', data, '--text', 'subject,text', '--label', 'topic', '--out', model, '--folds', '4']);
    const saved = JSON.parse(readFileSync(model, 'utf8'));
    expect(saved.labels).toEqual(['education', 'noise', 'traffic', 'water']);

    const input = HELD_OUT.map((r, i) => JSON.stringify({ id: `h${i}`, subject: r.title, text: r.body, extra: { keep: true } })).join('\n') + '\n\n';
    const out = run(['nlp', 'predict', '--model', model, '--text', 'subject,text', '--top', '2'], input)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(HELD_OUT.length);
    out.forEach((o, i) => {
      expect(o.id).toBe(`h${i}`);
      expect(o.extra).toEqual({ keep: true });
      expect(o.prediction).toBe(HELD_OUT[i].label);
      expect(o.confidence).toBeGreaterThan(0);
      expect(o.confidence).toBeLessThanOrEqual(1);
      expect(o.candidates).toHaveLength(2);
      expect(o.candidates[0].label).toBe(o.prediction);
    });

    // the input line itself comes out unchanged (numbers beyond double precision, key order), fields appended
    const big = '{"n":12345678901234567890,"subject":"' + HELD_OUT[0].title + '","text":"' + HELD_OUT[0].body + '"}';
    const kept = run(['nlp', 'predict', '--model', model], big + '\n').trim();
    expect(kept.startsWith(big.slice(0, -1) + ',"prediction":')).toBe(true);
    // a --text field the rows do not have is an error naming the fields they do have, not a run of guesses
    expect(() => run(['nlp', 'predict', '--model', model, '--text', 'nosuch'], big + '\n')).toThrow(/no row has text in "nosuch".*fields seen: n, subject, text/s);
    expect(() => run(['nlp', 'train', '--data', data, '--text', 'nosuch', '--label', 'topic', '--out', join(dir, 'x.json')])).toThrow(/no row has text in "nosuch"/);
    expect(() => run(['nlp', 'predict', '--model', join(dir, 'missing.json')], big)).toThrow(/missing\.json: no such model file/);

    // output line n is input line n: a blank line stays blank, a byte-order mark on a later line (files joined) is read past
    const two = run(['nlp', 'predict', '--model', model], `${big}\n\n\ufeff${big}\n`).split('\n');
    expect(two.slice(0, 3).map((l) => (l ? JSON.parse(l).n !== undefined : ''))).toEqual([true, '', true]);
    // a broken line loses nothing after it: its output line names the error, the run goes on, the status says so
    const broken = spawnSync(process.execPath, [BIN, 'nlp', 'predict', '--model', model], { input: `${big}\nnot json\n[1]\n${big}\n`, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
    expect(broken.status).toBe(1);
    const rows = broken.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.error ?? r.prediction)).toEqual([HELD_OUT[0].label, 'not JSON', 'not a JSON object', HELD_OUT[0].label]);
    expect(rows[1].line).toBe(2);
    expect(broken.stderr).toMatch(/2 stdin line\(s\) were not JSON objects \(line 2, 3\)/);
    // a hand-edited model names what is wrong with it
    const saved2 = JSON.parse(readFileSync(model, 'utf8'));
    for (const [patch, msg] of [[{ temperature: 0 }, /temperature/], [{ labels: [] }, /labels/], [{ textFields: 'title' }, /textFields/], [{ features: null }, /features/], [{ idf: [1] }, /idf/]] as const) {
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, JSON.stringify({ ...saved2, ...patch }));
      expect(() => run(['nlp', 'predict', '--model', broken], big + '\n')).toThrow(msg);
    }

    // without --text, predict uses the fields the model was trained on
    const plain = run(['nlp', 'predict', '--model', model], JSON.stringify({ subject: HELD_OUT[0].title, text: HELD_OUT[0].body }) + '\n');
    expect(JSON.parse(plain).prediction).toBe(HELD_OUT[0].label);
  }, 240_000);

  it('fails clearly on bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lx-nlp-cli-'));
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"title":"a","label":"x"}\nnot json\n');
    expect(() => run(['nlp', 'train', '--data', bad, '--out', join(dir, 'm.json')])).toThrow(/bad\.jsonl:2/);
    expect(() => run(['nlp', 'train', '--data', join(dir, 'nosuch.jsonl'), '--out', join(dir, 'm.json')])).toThrow(/no such file: .*nosuch\.jsonl/);
    expect(() => run(['nlp', 'train', '--data', dir, '--out', join(dir, 'm.json')])).toThrow(/is a directory/);
    // flags are checked before any work: folds, where the model goes, a directory given as data
    expect(() => run(['nlp', 'train', '--data', bad, '--out', join(dir, 'm.json'), '--folds', '2.5'])).toThrow(/--folds must be 0/);
    expect(() => run(['nlp', 'train', '--data', bad, '--out', join(dir, 'm.json'), '--folds', '1'])).toThrow(/--folds must be 0/);
    expect(() => run(['nlp', 'train', '--data', bad, '--out', join(dir, 'no', 'such', 'm.json')])).toThrow(/no such directory/);
    expect(() => run(['nlp', 'train', '--data', dir, '--out', join(dir, 'm.json')])).toThrow(/is a directory/);
    // a directory for the model, or a field list naming nothing: said before any work
    expect(() => run(['nlp', 'train', '--data', bad, '--out', dir])).toThrow(/is a directory: give the model file's name/);
    expect(() => run(['nlp', 'train', '--data', bad, '--text', ',', '--out', join(dir, 'm.json')])).toThrow(/names no field/);
  }, 120_000);

  it('reads files that start with a byte-order mark and keeps numeric labels numeric', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lx-nlp-cli-'));
    const data = join(dir, 'bom.jsonl');
    const model = join(dir, 'm.json');
    const names = [...new Set(TRAIN.map((r) => r.label))].sort();
    const rows = TRAIN.map((r) => JSON.stringify({ title: r.title, body: r.body, label: names.indexOf(r.label) + 1 }));
    writeFileSync(data, '\ufeff' + rows.join('\r\n') + '\r\n');
    run(['nlp', 'train', '--data', data, '--out', model, '--folds', '0']);
    const out = JSON.parse(run(['nlp', 'predict', '--model', model, '--top', '2'], '\ufeff' + JSON.stringify({ title: HELD_OUT[0].title, body: HELD_OUT[0].body }) + '\n'));
    expect(out.prediction).toBe(names.indexOf(HELD_OUT[0].label) + 1);
    expect(typeof out.candidates[1].label).toBe('number');
  }, 120_000);
});
