import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AuditLogError } from '../errors';
import type { SignedCheckpoint } from '../note/checkpointNote';

/** Where a verifier keeps the last checkpoint it verified. */
export interface CheckpointMemory {
  /** The remembered checkpoint note, or undefined before the first verification. */
  load(): Promise<string | undefined>;
  /** Remembers a checkpoint that verified, replacing the one kept (atomically). */
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
      const tmp = `${path}.${process.pid}.tmp`;
      const fh = await open(tmp, 'w', 0o644);
      try {
        try {
          await fh.writeFile(cp.note, 'utf8');
          await fh.sync();
        } finally {
          await fh.close();
        }
        await rename(tmp, path);
      } catch (error) {
        // A full disk or a failed rename leaves the remembered checkpoint as it was, and no
        // temporary file beside it.
        await rm(tmp, { force: true });
        throw error;
      }
    },
  };
}
