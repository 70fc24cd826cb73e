import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckpointSink, SignedCheckpoint } from '@cityofboston/audit-log';
import {
  type CheckpointMemory,
  directorySink,
  fileCheckpointMemory,
} from '@cityofboston/audit-log/node';

/**
 * Where the Case Desk sends the checkpoints its audit log signs, outside the audit store (a
 * folder, `AUDIT_CHECKPOINT_DIR`), and where its "verify the chain" remembers the last
 * checkpoint that verified. Without a folder (an in-memory database, in tests) both stay in
 * this process's memory.
 *
 * The log calls {@link AuditCheckpoints.sink} after each signature without waiting for it;
 * {@link AuditCheckpoints.latest} waits for the publications under way, then reads the newest
 * exported checkpoint back from the folder, not from the store.
 */
export class AuditCheckpoints {
  readonly #dir: string | undefined;
  readonly #inner: CheckpointSink | undefined;
  readonly #memory: CheckpointMemory;
  #publishing: Promise<unknown> = Promise.resolve();
  #latest: string | undefined;

  constructor(dir: string | undefined) {
    this.#dir = dir;
    this.#inner = dir ? directorySink(dir) : undefined;
    let remembered: string | undefined;
    this.#memory = dir
      ? fileCheckpointMemory(join(dir, 'verified', 'last.checkpoint'))
      : {
          load: async () => remembered,
          save: async (cp: SignedCheckpoint) => {
            remembered = cp.note;
          },
        };
  }

  /** The sink to give `createAuditLog({ sinks })`. */
  readonly sink: CheckpointSink = {
    name: 'case-desk-checkpoints',
    publish: (cp: SignedCheckpoint) => {
      const done = this.#inner ? this.#inner.publish(cp) : Promise.resolve();
      const kept = done.then(() => {
        this.#latest = cp.note;
      });
      this.#publishing = Promise.all([this.#publishing, kept.catch(() => {})]);
      return kept;
    },
  };

  /** The newest checkpoint exported (after the publications under way), or undefined. */
  async latest(): Promise<string | undefined> {
    await this.#publishing;
    if (!this.#dir) return this.#latest;
    try {
      return await readFile(join(this.#dir, 'latest.checkpoint'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** The checkpoint the last successful verification matched, kept by the verifier. */
  get verified(): CheckpointMemory {
    return this.#memory;
  }
}
