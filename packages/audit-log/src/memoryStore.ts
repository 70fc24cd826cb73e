import {
  type ChainHead,
  EMPTY_HEAD,
  type SealedEvent,
  sealEvents,
  type UnsealedEvent,
} from './internal/chain';
import { queryArray } from './internal/query';
import type { AuditQuery, AuditQueryPage, AuditStore } from './store';
import type { StoredCheckpoint } from './verifyTrust';

/** A store that keeps the chain in an array; for tests and short-lived tools, not durable. */
export interface MemoryStore extends AuditStore {
  /** The events as stored (mutable on purpose: tests use it to tamper). */
  readonly events: SealedEvent[];
}

/**
 * An in-memory {@link AuditStore}. Nothing survives the process.
 *
 * @example
 * ```ts
 * const log = createAuditLog({ app: { name: 'permits' }, store: memoryStore() });
 * ```
 */
export function memoryStore(options: { chainId?: string } = {}): MemoryStore {
  const events: SealedEvent[] = [];
  const byId = new Map<string, SealedEvent>();
  const cps: StoredCheckpoint[] = [];
  let head: ChainHead = EMPTY_HEAD;
  return {
    kind: 'memory',
    chainId: options.chainId ?? 'default',
    events,
    async append(batch: readonly UnsealedEvent[]) {
      const fresh = batch.filter((e) => !byId.has(e.id));
      const sealed = sealEvents(fresh, head);
      for (const e of sealed.sealed) {
        events.push(e);
        byId.set(e.id, e);
      }
      head = sealed.head;
      return batch.map((e) => byId.get(e.id) as SealedEvent);
    },
    async head() {
      return head;
    },
    async *read() {
      yield* events;
    },
    async *readAfter(afterSeq: number) {
      for (const e of events) if (e.integrity.seq > afterSeq) yield e;
    },
    async query(query: AuditQuery): Promise<AuditQueryPage> {
      return queryArray(events, query);
    },
    async appendCheckpoint(cp: StoredCheckpoint) {
      cps.push(cp);
    },
    async checkpoints() {
      return [...cps];
    },
    async close() {},
  };
}
