// In-memory index of place names: a character trie over every name form of every division plus
// the learned landmarks, and the resolver that turns the mentions found in a text into the
// deepest division consistent with them (a village under the township that is also mentioned,
// a duplicate village name disambiguated by its county or by the caller's context division).
// Names of places outside the tree (the rest of the country, down to townships) are known too:
// a name of the tree that is part of an outside address (三明市宁化县|城南镇, 长春市 ⊃ 长春) is
// not taken for the tree's place of that name.
import { bareName, nameForms, Q_SHORT } from './division-names.ts';
import { toSimplifiedChinese } from '../normalize.ts';

export interface DivisionRow {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  path: string;
}
export interface LandmarkRow {
  phrase: string;
  division_code: string;
  confidence: number;
}

interface Target {
  code: string;
  quality: number;
  landmark: boolean;
  /** a village's bare name: counts only right after its township or county */
  bare?: boolean;
}
/** Keyed by UTF-16 code unit (a number: looking up a character allocates nothing). */
interface TrieNode {
  next: Map<number, TrieNode>;
  targets?: Target[];
}
export interface Mention {
  start: number;
  end: number;
  text: string;
  targets: Target[];
}
export interface PlaceMatch {
  code: string;
  name: string;
  level: number;
  path: string;
  /** Share of the supporting evidence: 1 when all mentions agree on this chain. */
  confidence: number;
  /** True when several equally supported places were found and their common ancestor is returned. */
  ambiguous: boolean;
  /** when ambiguous: the equally supported places themselves (at most 5), for a person to choose */
  candidates?: { code: string; name: string; path: string }[];
  mentions: { text: string; code: string }[];
}

const Q_LANDMARK = 0.8;
const CONTEXT_BONUS = 0.5;
/** Longer outside names are not looked for (they are rare, and each length is a lookup). */
const MAX_OUTSIDE = 10;
// (路灯, 路面 and 街道 are no roads: 下宅园路灯坏了, 城北街道)
const ROAD_AFTER = /^(?:路(?![灯面况线费过])|街(?!道)|大道|大街|巷)/;

export class PlaceIndex {
  readonly byCode = new Map<string, DivisionRow>();
  private root: TrieNode = { next: new Map() };
  private maxLen = 0;
  /** names (and usual/short forms) of places outside the tree that are no name form inside it */
  private outside = new Set<string>();
  private outsideMaxLen = 0;
  /** the first two code units of every outside name: most positions are ruled out by one lookup */
  private outsideHeads = new Set<number>();

  /** `outside`: names of divisions that are not in the tree (nationalDivisionsToTownship). */
  constructor(divisions: DivisionRow[], landmarks: LandmarkRow[] = [], outside: { code: string; name: string; level: number }[] = []) {
    const inside = new Set<string>();
    for (const d of divisions) {
      this.byCode.set(d.code, d);
      for (const f of nameForms(d.name, d.level)) {
        // the text is normalised before parsing (乾 → 干, 昇 → 升): the names are looked up as it
        for (const text of new Set([f.text, toSimplifiedChinese(f.text)])) {
          this.add(text, { code: d.code, quality: f.quality, landmark: false });
          inside.add(text);
        }
      }
      const bare = bareName(d.name, d.level);
      if (bare) for (const text of new Set([bare, toSimplifiedChinese(bare)])) this.add(text, { code: d.code, quality: Q_SHORT, landmark: false, bare: true });
    }
    for (const l of landmarks) {
      if (!this.byCode.has(l.division_code) || l.phrase.length < 3) continue;
      this.add(l.phrase, { code: l.division_code, quality: Q_LANDMARK * Math.min(1, l.confidence), landmark: true });
    }
    const codes = new Set(divisions.map((d) => d.code));
    for (const o of outside) {
      if (codes.has(o.code)) continue;
      // townships by their full or usual names only: bare township names are everyday words
      for (const f of nameForms(o.name, o.level)) {
        if (o.level >= 4 && f.quality < 0.9) continue;
        // (as listed: converting 45,000 names costs ~0.5 s, and only ~1% have a character that converts)
        const text = f.text;
        if (text.length < 2 || text.length > MAX_OUTSIDE || inside.has(text)) continue;
        this.outside.add(text);
        this.outsideHeads.add(text.charCodeAt(0) * 65536 + text.charCodeAt(1));
        this.outsideMaxLen = Math.max(this.outsideMaxLen, text.length);
      }
    }
  }

  get size() {
    return this.byCode.size;
  }

  private add(text: string, t: Target) {
    let node = this.root;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      let n = node.next.get(ch);
      if (!n) node.next.set(ch, (n = { next: new Map() }));
      node = n;
    }
    const list = (node.targets ??= []);
    const prev = list.find((x) => x.code === t.code && !x.bare === !t.bare);
    if (prev) prev.quality = Math.max(prev.quality, t.quality);
    else list.push(t);
    this.maxLen = Math.max(this.maxLen, text.length);
  }

  /**
   * Every indexed name occurring in `text`, minus those lying inside a longer one, those that are
   * part of a place outside the tree, and bare village names not right after their township or county.
   */
  mentions(text: string): Mention[] {
    const raw: Mention[] = [];
    for (let i = 0; i < text.length; i++) {
      let node: TrieNode | undefined = this.root;
      for (let j = i; j < text.length && j - i < this.maxLen; j++) {
        node = node.next.get(text.charCodeAt(j));
        if (!node) break;
        if (node.targets) raw.push({ start: i, end: j + 1, text: text.slice(i, j + 1), targets: node.targets });
      }
    }
    const all: Mention[] = [];
    // where names found to be part of an outside address end: the next name continues that address
    // (上杭县|南阳镇|双溪村: 南阳镇 is also a township of the tree, 双溪村 a village of it)
    const outsideEnds = new Set<number>();
    for (const m of raw) {
      if (this.outside.size && (outsideEnds.has(PlaceIndex.before(text, m.start)) || this.partOfOutside(text, m, raw))) {
        outsideEnds.add(m.end);
        continue;
      }
      // a short name right before 路/街 names a road (城北路, 福安路), not the place
      const road = ROAD_AFTER.test(text.slice(m.end, m.end + 2));
      const targets = m.targets.some((t) => t.bare) || road
        ? m.targets.filter((t) => (!t.bare || this.anchored(text, m, t, raw)) && !(road && !t.landmark && t.quality <= Q_SHORT))
        : m.targets;
      if (targets.length) all.push(targets === m.targets ? m : { ...m, targets });
    }
    return all.filter((m) => !all.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
  }

  /** The start of `m` skipping the spaces before it. */
  private static before(text: string, at: number): number {
    while (at > 0 && text[at - 1] === ' ') at--;
    return at;
  }

  /** A bare village name counts right after a name of its township or county, not before a landmark word. */
  private anchored(text: string, m: Mention, t: Target, raw: Mention[]): boolean {
    if (/^(?:小区|花园|家园|公寓|大厦|广场|市场|公园|山庄|新城|大道|路(?![灯面况线费过])|街(?!道)|巷|苑|镇|乡|县|区|市|村|社区)/.test(text.slice(m.end, m.end + 2))) return false;
    const at = PlaceIndex.before(text, m.start);
    return raw.some((p) => p.end === at && p.targets.some((pt) => !pt.bare && !pt.landmark && pt.code !== t.code
      && (this.byCode.get(pt.code)?.level ?? 0) >= 3 && this.isWithin(t.code, pt.code)));
  }

  /** Can an outside name start at `s` (its first two code units begin one)? */
  private outsideHead(text: string, s: number): boolean {
    return this.outsideHeads.has(text.charCodeAt(s) * 65536 + text.charCodeAt(s + 1));
  }

  /** Does the text name a place outside the tree (not as part of a name of the tree)? */
  private namesOutside(text: string, mentions: Mention[]): boolean {
    for (let s = 0; s + 1 < text.length; s++) {
      if (!this.outsideHead(text, s)) continue;
      for (let e = s + 2; e <= Math.min(text.length, s + this.outsideMaxLen); e++) {
        if (this.outside.has(text.slice(s, e)) && !mentions.some((o) => o.start <= s && o.end >= e)) return true;
      }
    }
    return false;
  }

  /** Is this mention the tail of an outside address (宁化县|城南镇) or inside an outside name (长春市 ⊃ 长春)? */
  private partOfOutside(text: string, m: Mention, raw: Mention[]): boolean {
    // an outside "name" that is the end of an inside mention (蕉城区 ⊃ 城区) is no outside name
    const coveredByInside = (s: number, e: number) => raw.some((o) => o !== m && o.start <= s && o.end >= e && (o.start < s || o.end > e));
    const at = PlaceIndex.before(text, m.start);
    for (let k = 2; k <= this.outsideMaxLen && k <= at; k++) {
      if (this.outsideHead(text, at - k) && this.outside.has(text.slice(at - k, at)) && !coveredByInside(at - k, at)) return true;
    }
    const len = m.end - m.start;
    for (let s = Math.max(0, m.start - this.outsideMaxLen + len); s <= m.start; s++) {
      if (!this.outsideHead(text, s)) continue;
      for (let e = Math.max(m.end, s + len + 1); e <= Math.min(text.length, s + this.outsideMaxLen); e++) {
        if (this.outside.has(text.slice(s, e)) && !coveredByInside(s, e)) return true;
      }
    }
    return false;
  }

  private isWithin(code: string, ancestor: string): boolean {
    const d = this.byCode.get(code);
    const a = this.byCode.get(ancestor);
    return !!d && !!a && d.path.startsWith(a.path);
  }

  /** The deepest division best supported by the mentions in `text` (already normalised). */
  resolve(text: string, contextCode?: string | null): PlaceMatch | null {
    const mentions = this.mentions(text);
    if (!mentions.length) return null;
    const ctx = contextCode ? this.byCode.get(contextCode) : undefined;
    const candidates = new Set<string>();
    for (const m of mentions) for (const t of m.targets) candidates.add(t.code);

    const scored: { code: string; score: number; support: Mention[] }[] = [];
    let totalEvidence = 0;
    for (const m of mentions) totalEvidence += Math.max(...m.targets.map((t) => t.quality));
    for (const code of candidates) {
      let score = 0;
      const support: Mention[] = [];
      for (const m of mentions) {
        let best = 0;
        for (const t of m.targets) if (t.quality > best && this.isWithin(code, t.code)) best = t.quality;
        if (best > 0) {
          score += best;
          support.push(m);
        }
      }
      const d = this.byCode.get(code)!;
      if (ctx && d.path.startsWith(ctx.path)) score += CONTEXT_BONUS;
      scored.push({ code, score, support });
    }
    const top = Math.max(...scored.map((s) => s.score));
    let best = scored.filter((s) => s.score >= top - 1e-9);
    // Keep the deepest of a chain: drop a candidate when a descendant ties with it.
    best = best.filter((s) => !best.some((o) => o.code !== s.code && this.isWithin(o.code, s.code)));
    let chosen: DivisionRow | undefined;
    let ambiguous = false;
    if (best.length === 1) chosen = this.byCode.get(best[0].code);
    else {
      ambiguous = true;
      chosen = this.commonAncestor(best.map((b) => b.code));
      if (!chosen) return null;
      // names that fit several places here, in a text naming a place elsewhere (福州闽侯…溪口村):
      // the text is about that place, not about the deployment's area as a whole
      if (this.namesOutside(text, mentions)) return null;
    }
    if (!chosen) return null;
    const support = best[0].support;
    return {
      code: chosen.code,
      name: chosen.name,
      level: chosen.level,
      path: chosen.path,
      confidence: Math.round((Math.min(top, totalEvidence) / Math.max(totalEvidence, 1e-9) / best.length) * 1000) / 1000,
      ambiguous,
      ...(ambiguous ? { candidates: best.slice(0, 5).map((b) => this.byCode.get(b.code)!).map((d) => ({ code: d.code, name: d.name, path: d.path })) } : {}),
      mentions: support.map((m) => ({
        text: m.text,
        code: m.targets.find((t) => this.isWithin(best[0].code, t.code))?.code ?? m.targets[0].code,
      })),
    };
  }

  private commonAncestor(codes: string[]): DivisionRow | undefined {
    const paths = codes.map((c) => this.byCode.get(c)!.path.split('/').filter(Boolean));
    let common: string | undefined;
    for (let i = 0; ; i++) {
      const seg = paths[0][i];
      if (!seg || !paths.every((p) => p[i] === seg)) break;
      common = seg;
    }
    return common ? this.byCode.get(common) : undefined;
  }
}
