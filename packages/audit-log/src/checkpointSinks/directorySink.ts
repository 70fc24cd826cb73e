import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SignedCheckpoint } from '../note/checkpointNote';
import { keepNewest } from './keepNewest';
import type { CheckpointSink } from './sink';

/**
 * A sink that writes each checkpoint note to `<dir>/<size>.checkpoint` and the newest to
 * `<dir>/latest.checkpoint` (replaced atomically, and never by an older one: several app instances
 * may share the directory), with fsync. A checkpoint of a size already kept with another root
 * (a fork) is refused with `INVALID_CHECKPOINT`, through the log's `onError`. Writers take a
 * `.lock` file beside each file for the moment they replace it. Point it at storage the store's
 * administrators cannot write: a mount from another system, a different account's folder, a
 * bucket synced elsewhere. `latest.checkpoint` is what `city-audit verify --trusted` reads.
 *
 * @example
 * ```ts
 * const log = createAuditLog({ app, store, signer, sinks: [directorySink('/mnt/audit-checkpoints')] });
 * ```
 */
export function directorySink(dir: string): CheckpointSink {
  return {
    name: `directory:${dir}`,
    async publish(cp: SignedCheckpoint) {
      await mkdir(dir, { recursive: true });
      await keepNewest(join(dir, `${cp.size}.checkpoint`), cp);
      await keepNewest(join(dir, 'latest.checkpoint'), cp);
    },
  };
}
