import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { SignedCheckpoint } from '../note/checkpointNote';
import type { CheckpointSink } from './sink';

/**
 * A sink that writes each checkpoint note to `<dir>/<size>.checkpoint` and the newest to
 * `<dir>/latest.checkpoint` (replaced atomically), with fsync. Point it at storage the store's
 * administrators cannot write: a mount from another system, a different account's folder, a
 * bucket synced elsewhere. `latest.checkpoint` is what `city-audit verify --trusted` reads.
 *
 * @example
 * ```ts
 * const log = createAuditLog({ app, store, signer, sinks: [directorySink('/mnt/audit-checkpoints')] });
 * ```
 */
export function directorySink(dir: string): CheckpointSink {
  async function write(path: string, text: string) {
    const fh = await open(path, 'w', 0o644);
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
  }
  return {
    name: `directory:${dir}`,
    async publish(cp: SignedCheckpoint) {
      await mkdir(dir, { recursive: true });
      await write(join(dir, `${cp.size}.checkpoint`), cp.note);
      const tmp = join(dir, `.latest.${process.pid}.tmp`);
      await write(tmp, cp.note);
      await rename(tmp, join(dir, 'latest.checkpoint'));
    },
  };
}
