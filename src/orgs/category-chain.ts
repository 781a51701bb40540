// A category's line in the tree, for any row shape that names its parent: used by training (the
// classes a ticket's category stands for), the keyword rule (branch and ancestors) and Open311
// (a service's group).

/**
 * The codes from the level-1 ancestor down to `code` itself, following parents through `byCode`;
 * it stops at a code the map does not hold (an inactive parent) and at a cycle. Empty when `code`
 * is not in the map.
 */
export function chainOf<T>(code: string, byCode: Map<string, T>, parentOf: (c: T) => string | null): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let key: string | null = code; key !== null && !seen.has(key); ) {
    const c = byCode.get(key);
    if (!c) break;
    seen.add(key);
    chain.unshift(key);
    key = parentOf(c);
  }
  return chain;
}
