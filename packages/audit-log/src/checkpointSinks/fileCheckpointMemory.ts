import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AuditLogError } from '../errors';
import type { SignedCheckpoint } from '../note/checkpointNote';
import { keepNewest } from './keepNewest';

/** Where a verifier keeps the last checkpoint it verified. */
export interface CheckpointMemory {
  /** The remembered checkpoint note, or undefined before the first verification. */
  load(): Promise<string | undefined>;
  /**
   * Remembers a checkpoint that verified, replacing the one kept (atomically) unless that one is
   * newer: a slower verifier sharing the memory never puts an older checkpoint back.
   *
   * @throws AuditLogError `INVALID_CHECKPOINT` when the kept checkpoint has the same size and
   *   another root (a fork).
   */
  save(checkpoint: SignedCheckpoint): Promise<void>;
}

/**
 * A verifier's memory in a file (the signed note text): `verify(store, { trusted: [await
 * memory.load()] })`, then `memory.save(result.latestCheckpoint)`. A later log that is not
 * consistent with the remembered checkpoint (rolled back, rewritten, truncated) then fails.
 */
export function fileCheckpointMemory(path: string): CheckpointMemory {
  return {
    async load() {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new AuditLogError('INVALID_OPTIONS', `cannot read ${path}`, { cause: error });
      }
    },
    async save(cp: SignedCheckpoint) {
      await mkdir(dirname(path), { recursive: true });
      await keepNewest(path, cp);
    },
  };
}
