import type { ChainHead, SealedEvent, UnsealedEvent } from './internal/chain';
import type { StoredCheckpoint } from './verifyTrust';

export type { ChainHead, SealedEvent, UnsealedEvent };

/** Filters for {@link AuditStore.query}; all optional except `limit`. */
export interface AuditQuery {
  /** Actor id (`actor.id`). */
  actor?: string;
  targetType?: string;
  targetId?: string;
  action?: string;
  /** Inclusive lower bound on `time` (RFC 3339 or Date). */
  from?: string | Date;
  /** Exclusive upper bound on `time`. */
  to?: string | Date;
  /** Page size, 1 to 10,000. */
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /** `asc` (oldest first, the default) or `desc`. */
  order?: 'asc' | 'desc';
}

/** One page of {@link AuditStore.query}. */
export interface AuditQueryPage {
  events: SealedEvent[];
  /** Present when more events match; pass it back as `cursor`. */
  nextCursor?: string;
}

/**
 * Events a store holds that are not in the log yet: a writer stored their batch and stopped
 * before placing it (format 2 of the SQL stores). The next append places them; until then no
 * reader sees them.
 */
export interface UnplacedEvents {
  /** Batches stored and not placed. */
  batches: number;
  /** Events in them. */
  events: number;
  /** When the oldest of them was stored (RFC 3339). */
  since: string;
}

/**
 * Where a log keeps its events. A store owns the chain head: `append` places the events after
 * whatever the store already holds (under a lock, so several writers on one database form one
 * log: a hash chain in format 1, batches placed in the database in format 2) and resolves once
 * they are durable.
 */
export interface AuditStore {
  /** e.g. `memory`, `jsonl`, `pglite`, `postgres`. */
  readonly kind: string;
  /** The chain this store writes (a database can hold several). */
  readonly chainId: string;
  /**
   * Seals and writes `events` as one durable batch; idempotent by event id (an id already in
   * the store is returned as stored, not written twice). Resolves with the sealed events in
   * the order given.
   */
  append(events: readonly UnsealedEvent[]): Promise<SealedEvent[]>;
  /** The chain's last sequence number and hash as the store records it. */
  head(): Promise<ChainHead>;
  /** Every event of the chain in storage order (by seq for databases, by line for files). */
  read(): AsyncIterable<SealedEvent>;
  /**
   * Filtered, paginated reads for viewers and reports: in seq order (memory, JSONL) or in event
   * id order, which is time order (SQL stores).
   */
  query(query: AuditQuery): Promise<AuditQueryPage>;
  /**
   * The events after seq `afterSeq`, in seq order (optional: stores that several writers
   * share implement it, so a log can bring its Merkle tree up to date without reading it all).
   */
  readAfter?(afterSeq: number): AsyncIterable<SealedEvent>;
  /**
   * Keeps a signed checkpoint next to the chain. Whoever can write the store can write here
   * too, so `verify` relies only on checkpoints a trusted key signed; keep copies elsewhere
   * (checkpoint sinks) as well.
   */
  appendCheckpoint(checkpoint: StoredCheckpoint): Promise<void>;
  /** The checkpoints kept for this chain, oldest first. */
  checkpoints(): Promise<StoredCheckpoint[]>;
  /**
   * Events stored but not yet placed in the log, or undefined when there are none (optional:
   * stores whose writers store and place a batch in two steps implement it).
   */
  unplaced?(): Promise<UnplacedEvents | undefined>;
  close(): Promise<void>;
}
