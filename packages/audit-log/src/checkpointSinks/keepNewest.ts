// Replacing a kept checkpoint note (a sink's latest.checkpoint, a verifier's memory) with a newer
// one, safely when several writers share the file: app instances publishing to one directory, two
// verifiers remembering in one file, two logs in one process.
//
// Under the file's lock (an O_EXCL lock file beside it, waited for), the kept note is read and
// replaced only by a note at least as large: a slower writer can never put an older checkpoint
// back, which would let a later rollback pass. A note of the same size with another root is a
// fork (two different logs claim that size) and is refused. The new text goes to a temporary
// file of its own, fsynced, then renamed over the kept one.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditLogError } from '../errors';
import { acquireFileLock, type FileLock } from '../internal/fileLock';
import { readCheckpointUnverified, type SignedCheckpoint } from '../note/checkpointNote';

/** How long a writer waits for another to finish with the same file. */
const LOCK_WAIT_MS = 10_000;

async function lock(path: string): Promise<FileLock> {
  const until = Date.now() + LOCK_WAIT_MS;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      return await acquireFileLock(path);
    } catch (error) {
      if ((error as AuditLogError).code !== 'STORE_LOCKED') throw error;
      if (Date.now() > until) {
        throw new AuditLogError(
          'STORE_LOCKED',
          `${path} has been locked by another writer for over ${LOCK_WAIT_MS / 1000} s (lock file ${path}.lock); if no writer is left, remove the lock file`,
          { cause: error },
        );
      }
      await sleep(pause);
    }
  }
}

/** The size and root of the note kept at `path`, or undefined when there is none (or not a note). */
async function kept(path: string): Promise<{ size: number; rootHash: string } | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return readCheckpointUnverified(text);
  } catch {
    return undefined; // a torn or foreign file is replaced
  }
}

/**
 * Writes `cp`'s note to `path` unless `path` already holds a larger checkpoint. Returns whether
 * it wrote.
 *
 * @throws AuditLogError `INVALID_CHECKPOINT` when `path` holds a checkpoint of the same size with
 *   another root (a fork); the kept file is left as it was.
 */
export async function keepNewest(path: string, cp: SignedCheckpoint): Promise<boolean> {
  const held = await lock(path);
  try {
    const before = await kept(path);
    if (before && before.size > cp.size) return false;
    if (before && before.size === cp.size && before.rootHash !== cp.rootHash) {
      throw new AuditLogError(
        'INVALID_CHECKPOINT',
        `${path} holds a checkpoint of ${cp.size} events with root ${before.rootHash}, and this one has root ${cp.rootHash}: two different logs claim the same size (a fork). The kept checkpoint is left as it is.`,
      );
    }
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const fh = await open(tmp, 'w', 0o644);
      try {
        await fh.writeFile(cp.note, 'utf8');
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, path);
    } catch (error) {
      // A full disk or a failed rename leaves the kept checkpoint as it was, and no temporary
      // file beside it.
      await rm(tmp, { force: true });
      throw error;
    }
    return true;
  } finally {
    await held.release();
  }
}
