// The Merkle tree of a log as the log writing it sees it: a compact range (log2(n) hashes) fed
// with the events this process appends, built from the store the first time it is needed and
// brought up to date from the store when another writer appended in between.
import type { SealedEvent } from '../internal/chain';
import type { AuditStore } from '../store';
import { eventLeafHash } from './hash';
import { CompactRange } from './tree';

export class LogTree {
  private range: CompactRange | undefined;
  /** An append of this process left a gap (another writer's events) to fill from the store. */
  private behind = false;

  constructor(private readonly store: AuditStore) {}

  /** Takes the events an append returned (any order, repeats allowed). */
  observe(events: readonly SealedEvent[]): void {
    const range = this.range;
    if (!range) return;
    const sorted =
      events.length > 1 ? [...events].sort((a, b) => a.integrity.seq - b.integrity.seq) : events;
    for (const e of sorted) {
      const seq = e.integrity.seq;
      if (seq <= range.size) continue;
      if (this.behind || seq !== range.size + 1) {
        this.behind = true;
        return;
      }
      this.add(range, e);
    }
  }

  private add(range: CompactRange, e: SealedEvent): boolean {
    const leaf = eventLeafHash(e.integrity.hash);
    if (!leaf) return false;
    range.append(leaf);
    return true;
  }

  /** The tree as the store holds it now (reads only what this process has not seen). */
  async current(): Promise<CompactRange> {
    if (this.range && !this.behind) return this.range;
    const range = this.range ?? new CompactRange();
    const after = range.size;
    const events =
      after > 0 && this.store.readAfter ? this.store.readAfter(after) : this.store.read();
    for await (const e of events) {
      const seq = e?.integrity?.seq;
      if (!Number.isSafeInteger(seq) || seq <= range.size) continue;
      if (seq !== range.size + 1 || !this.add(range, e)) break; // a gap: sign what is contiguous
    }
    this.range = range;
    this.behind = false;
    return range;
  }
}
