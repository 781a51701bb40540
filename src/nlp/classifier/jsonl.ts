// Labelled JSONL files for training and evaluation: one JSON object per line, text in the fields
// named by --text (joined), label in the field named by --label.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Example } from './train.ts';

/** Comma-separated names; the fallback when none is given. A list given that names nothing ("," or " ") is an error. */
export function parseFieldList(s: string | undefined, fallback: string[]): string[] {
  const list = (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  if (s !== undefined && !list.length) throw new Error(`"${s}" names no field: give names separated by commas, e.g. title,body`);
  return list.length ? list : fallback;
}

function asText(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

export function rowText(row: Record<string, unknown>, fields: string[]): string[] {
  return fields.map((f) => asText(row[f]));
}

/** A byte-order mark, as Windows tools put at the start of UTF-8 files. */
export const stripBom = (line: string): string => (line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);

/** Reads a whole JSONL file; blank lines are skipped, a bad line is an error naming its number. */
export function readJsonl(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) throw new Error(`no such file: ${file}`);
  if (statSync(file).isDirectory()) throw new Error(`${file} is a directory, not a JSONL file`);
  const out: Record<string, unknown>[] = [];
  stripBom(readFileSync(file, 'utf8'))
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const v = JSON.parse(line);
        if (v && typeof v === 'object' && !Array.isArray(v)) out.push(v);
        else throw new Error('not an object');
      } catch (e) {
        throw new Error(`${file}:${i + 1}: not a JSON object (${(e as Error).message})`);
      }
    });
  return out;
}

/**
 * Refuses text fields that no row has (a misspelt --text would otherwise train on, or predict
 * from, empty texts without a word): the error names the fields the rows do have.
 */
export function assertTextFields(rows: Record<string, unknown>[], fields: string[], where: string): void {
  if (!rows.length || rows.some((r) => fields.some((f) => asText(r[f]).trim()))) return;
  const seen = [...new Set(rows.slice(0, 100).flatMap((r) => Object.keys(r)))];
  throw new Error(`${where}: no row has text in ${fields.map((f) => `"${f}"`).join(' or ')} (--text); fields seen: ${seen.join(', ') || 'none'}`);
}

/** Rows with none of the text fields filled: predicted from nothing, so worth a warning. */
export const hasText = (row: Record<string, unknown>, fields: string[]) => fields.some((f) => asText(row[f]).trim() !== '');

/** Examples from rows; rows without a label are left out. */
export function examplesFrom(rows: Record<string, unknown>[], textFields: string[], labelField: string): Example[] {
  const out: Example[] = [];
  for (const r of rows) {
    const label = asText(r[labelField]);
    if (label) out.push({ text: rowText(r, textFields), label });
  }
  return out;
}

/** Lines of a stream, one at a time (for predicting on large files without loading them). */
export function lines(input: NodeJS.ReadableStream | string): AsyncIterable<string> {
  const stream = typeof input === 'string' ? createReadStream(input, 'utf8') : input;
  return createInterface({ input: stream, crlfDelay: Infinity });
}
