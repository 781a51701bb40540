// Landmarks (xx小区, xx学校, xx路, xx广场 …) learned from history: which division the tickets
// that mention a landmark belong to. A phrase is kept when enough tickets mention it and nearly
// all of them lie in one division's subtree; it is attached to the deepest such division.
import type { Deps } from '../../server/deps.ts';
import { normalize } from '../normalize.ts';
import { historyWithDivision, loadDivisions, replaceLandmarks } from './address.repo.ts';
import { invalidatePlaceIndex } from './parse-place.ts';

const SUFFIXES = [
  '小区', '花园', '家园', '公寓', '大厦', '广场', '商场', '市场', '公园', '山庄', '新城', '苑',
  '小学', '中学', '大学', '学校', '学院', '幼儿园', '医院', '卫生院', '车站', '码头', '大道', '路', '街', '巷',
];
// Characters that never belong to a landmark name: they end the name on its left.
const STOP = new Set(
  '的在了是和与及或到从向对把被给住家我你他她们这那有个也都就还要说问请为于位处近旁边附门口里内外前后旁楼栋号室单元期区县市镇乡村省，。、；：！？,.;:!? ()（）《》“”"\'【】[]'.split(''),
);
const RE_SUFFIX = new RegExp(`(${SUFFIXES.sort((a, b) => b.length - a.length).join('|')})`, 'g');
const MAX_NAME = 6;

/** Landmark phrases in a normalised text: the name (2–6 characters, no stop characters) plus its suffix. */
export function extractLandmarks(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(RE_SUFFIX)) {
    const end = m.index!;
    const after = text[end + m[1].length] ?? '';
    if ((m[1] === '街' && after === '道') || (m[1] === '路' && /[费灯况线过面]/.test(after))) continue;
    let start = end;
    while (start > 0 && end - start < MAX_NAME && !STOP.has(text[start - 1]) && /[\u4e00-\u9fffa-z0-9]/.test(text[start - 1])) start--;
    if (end - start < 2) continue;
    out.add(text.slice(start, end) + m[1]);
  }
  return [...out];
}

export interface LearnOptions {
  limit?: number;
  minSupport?: number;
  minConfidence?: number;
}

/** Relearns all landmarks from the history; returns how many were kept. */
export async function learnLandmarks(deps: Deps, opts: LearnOptions = {}): Promise<{ tickets: number; kept: number }> {
  const minSupport = opts.minSupport ?? 3;
  const minConfidence = opts.minConfidence ?? 0.8;
  const [history, divisions] = await Promise.all([historyWithDivision(deps.db, opts.limit ?? 50_000), loadDivisions(deps.db)]);
  const pathOf = new Map(divisions.map((d) => [d.code, d.path]));
  const levelOf = new Map(divisions.map((d) => [d.code, d.level]));
  const divisionNames = new Set(divisions.map((d) => d.name));
  // phrase → (division code incl. ancestors → tickets), phrase → tickets
  const hits = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  for (const h of history) {
    const path = pathOf.get(h.division_code);
    if (!path) continue;
    const chain = path.split('/').filter(Boolean);
    for (const p of extractLandmarks(normalize(h.text))) {
      if (divisionNames.has(p)) continue;
      totals.set(p, (totals.get(p) ?? 0) + 1);
      let per = hits.get(p);
      if (!per) hits.set(p, (per = new Map()));
      for (const c of chain) per.set(c, (per.get(c) ?? 0) + 1);
    }
  }
  const kept: { phrase: string; division_code: string; hits: number; total: number; confidence: number }[] = [];
  for (const [phrase, per] of hits) {
    const total = totals.get(phrase)!;
    if (total < minSupport) continue;
    let best: { code: string; n: number; level: number } | undefined;
    for (const [code, n] of per) {
      const level = levelOf.get(code) ?? 0;
      if (n >= minSupport && n / total >= minConfidence && (!best || level > best.level)) best = { code, n, level };
    }
    // A landmark that only pins down a province or city says little; keep county level and below.
    if (best && best.level >= 3) kept.push({ phrase, division_code: best.code, hits: best.n, total, confidence: best.n / total });
  }
  await replaceLandmarks(deps.db, kept);
  invalidatePlaceIndex(deps.db);
  return { tickets: history.length, kept: kept.length };
}
