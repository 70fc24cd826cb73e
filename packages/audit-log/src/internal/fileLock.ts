import { randomBytes } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { AuditLogError } from '../errors';

// One writer per file, across processes: a lock file created with O_EXCL next to the log,
// holding the owner's pid, host and a random nonce. A lock whose process is gone (same host, no
// such pid) is stale and taken over; the take-over itself runs under a second O_EXCL file, so
// two processes recovering the same stale lock cannot both win. The lock is advisory: it keeps
// apart writers that use this package, not an editor or `cat >>`.

interface LockContent {
  pid: number;
  host: string;
  nonce: string;
  since: string;
}

/** A held lock. */
export interface FileLock {
  readonly path: string;
  /** Removes the lock file if it is still this holder's. */
  release(): Promise<void>;
}

/** Nonces of the locks this process holds: a lock with our pid but another nonce is stale. */
const held = new Set<string>();

/** How old a recovery marker must be before it is presumed abandoned. */
const RECOVERY_STALE_MS = 30_000;

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

async function readLock(path: string): Promise<{ text: string; content?: LockContent } | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errno(error) === 'ENOENT') return null;
    throw error;
  }
  try {
    const content = JSON.parse(text) as LockContent;
    if (Number.isSafeInteger(content.pid) && typeof content.host === 'string')
      return { text, content };
  } catch {
    // a lock file cut short by a crash between create and write
  }
  return { text };
}

/** Whether `pid` is a live process on this host. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errno(error) === 'EPERM'; // exists, owned by someone else
  }
}

async function create(path: string, content: LockContent): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if (errno(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(content));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** Why an existing lock is stale, or undefined when its holder may be alive. */
async function staleReason(
  path: string,
  found: { content?: LockContent },
): Promise<string | undefined> {
  const c = found.content;
  if (!c) {
    // Unreadable: stale only once it is old enough that no writer is still filling it in.
    const age = Date.now() - (await stat(path)).mtimeMs;
    return age > RECOVERY_STALE_MS ? 'an unreadable lock file' : undefined;
  }
  if (c.host !== hostname()) return undefined; // cannot check another host's processes
  if (c.pid === process.pid) return held.has(c.nonce) ? undefined : 'an earlier run of this pid';
  return alive(c.pid) ? undefined : `process ${c.pid}, which is gone`;
}

function lockedError(target: string, path: string, found: { content?: LockContent }) {
  const c = found.content;
  const who = c
    ? c.pid === process.pid && c.host === hostname()
      ? 'another store in this process'
      : `process ${c.pid} on ${c.host} (since ${c.since})`
    : 'another process';
  return new AuditLogError(
    'STORE_LOCKED',
    `${target} is open for writing by ${who}: one process writes a JSONL audit file at a time (lock file ${path}). Use a database store for several app instances. If that process is gone and this is the same host, the lock is recovered automatically; on another host, remove the lock file once you are sure no writer is left.`,
  );
}

/**
 * Takes the writer lock of `target` (`<target>.lock`), recovering a stale one.
 *
 * @throws AuditLogError `STORE_LOCKED` when a live writer (or a recovery) holds it.
 */
export async function acquireFileLock(target: string): Promise<FileLock> {
  const path = `${target}.lock`;
  const mine: LockContent = {
    pid: process.pid,
    host: hostname(),
    nonce: randomBytes(12).toString('hex'),
    since: new Date().toISOString(),
  };
  const taken = (): FileLock => {
    held.add(mine.nonce);
    return {
      path,
      async release() {
        // Held until the file is gone: another holder in this process that reads the lock
        // meanwhile must not take it for a stale lock of an earlier run of this pid.
        try {
          const found = await readLock(path);
          if (found?.content?.nonce === mine.nonce) await unlink(path).catch(() => {});
        } finally {
          held.delete(mine.nonce);
        }
      },
    };
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await create(path, mine)) return taken();
    const found = await readLock(path);
    if (found === null) continue; // released in between: try again
    if ((await staleReason(path, found)) === undefined) throw lockedError(target, path, found);
    // Stale: take it over under the recovery marker, and only if it is still the same lock.
    const marker = `${path}.recover`;
    if (!(await create(marker, mine))) {
      const age = await stat(marker).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > RECOVERY_STALE_MS) await unlink(marker).catch(() => {});
      else throw lockedError(target, path, {});
      continue;
    }
    try {
      const again = await readLock(path);
      if (again !== null && again.text !== found.text) throw lockedError(target, path, again);
      if (again !== null) {
        await unlink(path).catch((error: unknown) => {
          if (errno(error) !== 'ENOENT') throw error; // its holder released it meanwhile
        });
      }
      if (await create(path, mine)) return taken();
    } finally {
      await unlink(marker).catch(() => {});
    }
  }
  throw lockedError(target, path, (await readLock(path)) ?? {});
}
