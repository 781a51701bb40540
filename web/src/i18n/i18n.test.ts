// Fails on any text key missing in either language, on placeholders that differ between
// languages, and on keys used in code (t('...')) that no dictionary has.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DICTS, dictSources } from './dicts.ts';

const webSrc = join(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

describe('i18n dictionaries', () => {
  it('every source has the same keys in zh and en, none empty, same placeholders', () => {
    const problems: string[] = [];
    for (const { source, zh, en } of dictSources()) {
      for (const k of Object.keys(zh)) if (!(k in en)) problems.push(`${source}: "${k}" missing in en`);
      for (const k of Object.keys(en)) if (!(k in zh)) problems.push(`${source}: "${k}" missing in zh`);
      for (const [k, v] of Object.entries(zh)) {
        if (!v.trim()) problems.push(`${source}: "${k}" empty in zh`);
        if (k in en && !en[k].trim()) problems.push(`${source}: "${k}" empty in en`);
        if (k in en && placeholders(v) !== placeholders(en[k])) problems.push(`${source}: "${k}" placeholders differ`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('merged dictionaries have the same key set', () => {
    expect(Object.keys(DICTS.en).sort()).toEqual(Object.keys(DICTS.zh).sort());
    expect(Object.keys(DICTS.zh).length).toBeGreaterThan(50);
  });

  it("every key used in code as t('…') exists in both languages", () => {
    const missing: string[] = [];
    let used = 0;
    for (const file of sourceFiles(webSrc)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*(['"])([^'"`]+)\1/g)) {
        used++;
        const key = m[2];
        if (!(key in DICTS.zh) || !(key in DICTS.en)) missing.push(`${relative(webSrc, file)}: ${key}`);
      }
    }
    expect(used).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
