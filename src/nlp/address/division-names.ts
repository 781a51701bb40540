// The forms under which a division is mentioned in citizen text: its official name, the usual
// form (东源村委会 → 东源村, 城北社区居委会 → 城北社区) and, down to township level, the bare short
// name (柘荣县 → 柘荣, 双城镇 → 双城, 穆云畲族乡 → 穆云). The bare name of a village or community
// (下宅园 for 下宅园社区) counts only right after its township or county (蕉南街道下宅园):
// two-character village names (新村, 光明, 和平) are ordinary words far too often (bareName).

export interface NameForm {
  text: string;
  /** 1 official name, 0.95 usual form, 0.7 bare short name. */
  quality: number;
}

export const Q_FULL = 1;
export const Q_USUAL = 0.95;
export const Q_SHORT = 0.7;

const SKIP = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
// 穆云畲族乡, 长阳土家族自治县, 恩施土家族苗族自治州
const RE_ETHNIC = /^(.{2,}?)(?:[^族]{1,5}族)+(?:自治)?(乡|镇|县|州|旗)$/;
const RE_VILLAGE = /(村民委员会|村委会)$/;
const RE_RESIDENT = /(社区居民委员会|社区居委会|居民委员会|居委会)$/;

function push(out: NameForm[], text: string, quality: number, minLen = 2) {
  if (text.length < minLen) return;
  const prev = out.find((f) => f.text === text);
  if (prev) prev.quality = Math.max(prev.quality, quality);
  else out.push({ text, quality });
}

/** All indexed forms of one division name at its level (1 province … 6 grid). */
export function nameForms(name: string, level: number): NameForm[] {
  const out: NameForm[] = [];
  const n = name.trim();
  if (!n || SKIP.has(n)) return out;
  push(out, n, Q_FULL);

  if (level >= 5) {
    let m = RE_VILLAGE.exec(n);
    if (m) {
      const base = n.slice(0, m.index);
      push(out, base.endsWith('村') ? base : `${base}村`, Q_USUAL, 3);
      if (!base.endsWith('村')) push(out, `${base}村委会`, Q_USUAL, 3);
      return out;
    }
    m = RE_RESIDENT.exec(n);
    if (m) {
      const base = n.slice(0, m.index);
      push(out, `${base}社区`, Q_USUAL, 3);
      push(out, `${base}居委会`, Q_USUAL, 3);
      return out;
    }
    // names already in the short form (海滨社区, 东源村): the committee's name points there too
    if (n.endsWith('社区') && n.length >= 4) {
      const base = n.slice(0, -2);
      push(out, `${base}居委会`, Q_USUAL, 3);
      push(out, `${base}社区居委会`, Q_USUAL, 3);
    } else if (n.endsWith('村') && n.length >= 3) push(out, `${n}委会`, Q_USUAL, 3);
    return out;
  }

  const ethnic = RE_ETHNIC.exec(n);
  if (ethnic) {
    push(out, ethnic[1], Q_SHORT);
    push(out, ethnic[1] + ethnic[2], Q_USUAL);
    return out;
  }
  // 东侨开发区 → 东侨: a development zone is called by its place name alone (as a township is)
  const zone = level >= 3 ? /^(.{2,}?)(?:经济技术开发区|经济开发区|高新技术产业开发区|开发区|工业园区)$/.exec(n) : null;
  if (zone) {
    push(out, zone[1], Q_SHORT);
    return out;
  }
  if (level === 4) {
    const m = /^(.+?)(街道办事处|街道|镇|乡)$/.exec(n);
    if (m) {
      push(out, m[1], Q_SHORT);
      if (m[2] === '街道办事处') push(out, `${m[1]}街道`, Q_USUAL);
      if (m[2] === '街道') push(out, `${m[1]}街道办`, Q_USUAL);
    }
    return out;
  }
  const m = /^(.+?)(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|地区|自治州|自治县|省|市|县|区|盟|旗)$/.exec(n);
  if (m) push(out, m[1], level <= 2 ? Q_SHORT + 0.05 : Q_SHORT);
  return out;
}

/**
 * The bare name of a village or community (东源村 → 东源, 城北社区居委会 → 城北), at least two
 * characters, or null: indexed only as a continuation of its township or county.
 */
export function bareName(name: string, level: number): string | null {
  if (level < 5) return null;
  const base = name.trim().replace(/(村民委员会|村委会|社区居民委员会|社区居委会|居民委员会|居委会|社区|村)$/, '');
  return base.length >= 2 && base !== name.trim() ? base : null;
}
