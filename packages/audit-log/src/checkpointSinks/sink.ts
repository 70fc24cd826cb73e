import type { SignedCheckpoint } from '../note/checkpointNote';

/**
 * Somewhere a log sends each checkpoint it signs, outside the trust domain of the store (another
 * machine, another account, a witness), so that whoever can rewrite the store cannot also rewrite
 * the checkpoints that would expose it.
 */
export interface CheckpointSink {
  /** For error messages, e.g. `directory:/mnt/audit-checkpoints`. */
  readonly name: string;
  /** Publishes one signed checkpoint; rejects when it could not be kept. */
  publish(checkpoint: SignedCheckpoint): Promise<void>;
}
