// An in-memory LSH band → ticket index: the same question the GIN index on
// ticket_signatures.bands answers ("which tickets share a band with these?"), without a round
// trip. Pure; src/nlp/dedupe/signature-index.ts keeps one per database handle fresh. It knows
// only bands and receive times: status, place and text are checked on the rows afterwards.

export interface IndexedSignature {
  ticketId: string;
  bands: string[];
  receivedAt: Date;
}

export class BandIndex {
  /** Band key → slot, or slots when several tickets share it. */
  private postings = new Map<string, number | number[]>();
  private slotOf = new Map<string, number>();
  private ids: (string | null)[] = [];
  private bandsOf: string[][] = [];
  private received: number[] = [];
  private free: number[] = [];

  get size(): number {
    return this.slotOf.size;
  }

  /** Adds a ticket's signature, replacing the one it had (re-signed after an edit). */
  upsert(s: IndexedSignature): void {
    const at = s.receivedAt.getTime();
    const old = this.slotOf.get(s.ticketId);
    if (old !== undefined) {
      const same = this.bandsOf[old].length === s.bands.length && this.bandsOf[old].every((b, i) => b === s.bands[i]);
      if (same) {
        this.received[old] = at;
        return;
      }
      this.remove(s.ticketId);
    }
    const slot = this.free.pop() ?? this.ids.length;
    this.ids[slot] = s.ticketId;
    this.bandsOf[slot] = s.bands;
    this.received[slot] = at;
    this.slotOf.set(s.ticketId, slot);
    for (const b of new Set(s.bands)) {
      const p = this.postings.get(b);
      if (p === undefined) this.postings.set(b, slot);
      else if (typeof p === 'number') this.postings.set(b, [p, slot]);
      else p.push(slot);
    }
  }

  remove(ticketId: string): void {
    const slot = this.slotOf.get(ticketId);
    if (slot === undefined) return;
    for (const b of new Set(this.bandsOf[slot])) {
      const p = this.postings.get(b);
      if (p === slot) this.postings.delete(b);
      else if (Array.isArray(p)) {
        const rest = p.filter((x) => x !== slot);
        this.postings.set(b, rest.length === 1 ? rest[0] : rest);
      }
    }
    this.slotOf.delete(ticketId);
    this.ids[slot] = null;
    this.bandsOf[slot] = [];
    this.free.push(slot);
  }

  /** Drops the tickets received before `t`. */
  pruneReceivedBefore(t: Date): void {
    const before = t.getTime();
    for (const [id, slot] of [...this.slotOf]) if (this.received[slot] < before) this.remove(id);
  }

  has(ticketId: string): boolean {
    return this.slotOf.has(ticketId);
  }

  /**
   * Tickets sharing at least one band with `bands`, received at or after `since`, newest first,
   * at most `limit`.
   */
  candidates(bands: string[], opts: { since: Date; excludeId?: string | null; limit: number }): string[] {
    const since = opts.since.getTime();
    const seen = new Set<number>();
    for (const b of bands) {
      const p = this.postings.get(b);
      if (p === undefined) continue;
      if (typeof p === 'number') seen.add(p);
      else for (const s of p) seen.add(s);
    }
    const out: number[] = [];
    for (const s of seen) if (this.received[s] >= since && this.ids[s] !== opts.excludeId) out.push(s);
    out.sort((a, b) => this.received[b] - this.received[a]);
    return out.slice(0, opts.limit).map((s) => this.ids[s]!);
  }
}
