// In-memory index of place names: a character trie over every name form of every division plus
// the learned landmarks, and the resolver that turns the mentions found in a text into the
// deepest division consistent with them (a village under the township that is also mentioned,
// a duplicate village name disambiguated by its county or by the caller's context division).
import { nameForms } from './division-names.ts';

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
  mentions: { text: string; code: string }[];
}

const Q_LANDMARK = 0.8;
const CONTEXT_BONUS = 0.5;

export class PlaceIndex {
  readonly byCode = new Map<string, DivisionRow>();
  private root: TrieNode = { next: new Map() };
  private maxLen = 0;

  constructor(divisions: DivisionRow[], landmarks: LandmarkRow[] = []) {
    for (const d of divisions) {
      this.byCode.set(d.code, d);
      for (const f of nameForms(d.name, d.level)) this.add(f.text, { code: d.code, quality: f.quality, landmark: false });
    }
    for (const l of landmarks) {
      if (!this.byCode.has(l.division_code) || l.phrase.length < 3) continue;
      this.add(l.phrase, { code: l.division_code, quality: Q_LANDMARK * Math.min(1, l.confidence), landmark: true });
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
    const prev = list.find((x) => x.code === t.code);
    if (prev) prev.quality = Math.max(prev.quality, t.quality);
    else list.push(t);
    this.maxLen = Math.max(this.maxLen, text.length);
  }

  /** Every indexed name occurring in `text`, minus those lying inside a longer one. */
  mentions(text: string): Mention[] {
    const all: Mention[] = [];
    for (let i = 0; i < text.length; i++) {
      let node: TrieNode | undefined = this.root;
      for (let j = i; j < text.length && j - i < this.maxLen; j++) {
        node = node.next.get(text.charCodeAt(j));
        if (!node) break;
        if (node.targets) all.push({ start: i, end: j + 1, text: text.slice(i, j + 1), targets: node.targets });
      }
    }
    return all.filter((m) => !all.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
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
