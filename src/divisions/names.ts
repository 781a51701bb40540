// Division names as people say them: the statistics bureau lists villages and communities by
// their committees (城北社区居委会, 富溪村委会); Lianxin shows the place (城北社区, 富溪村).
const SUFFIXES: [RegExp, string][] = [
  [/社区居民委员会$/, '社区'],
  [/社区居委会$/, '社区'],
  [/居民委员会$/, '社区'],
  [/居委会$/, '社区'],
  [/村民委员会$/, '村'],
  [/村委会$/, '村'],
];

export function placeName(raw: string): string {
  const s = raw.trim();
  for (const [re, to] of SUFFIXES) if (re.test(s)) return s.replace(re, to);
  return s;
}

/** Level from the code length: 2 province, 4 city, 6 county, 9 street/township, 12 village. */
export function levelOfCode(code: string): number {
  switch (code.length) {
    case 2: return 1;
    case 4: return 2;
    case 6: return 3;
    case 9: return 4;
    case 12: return 5;
    default: return 6;
  }
}

/** Ancestor codes (incl. self) of a GB/T 2260 / statistics code: 350926100001 → 35, 3509, 350926, 350926100, 350926100001. */
export function codeChain(code: string): string[] {
  const cuts = [2, 4, 6, 9, 12].filter((n) => n < code.length);
  return [...cuts.map((n) => code.slice(0, n)), code];
}
