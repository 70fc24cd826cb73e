import { constants as fsConstants } from 'node:fs';
import { type FileHandle, mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AuditLogError } from './errors';
import { CANONICAL_LINES, scanEventLine } from './internal/canonicalLine';
import {
  type ChainHead,
  EMPTY_HEAD,
  isMinted,
  markStored,
  type SealedEvent,
  sealEvents,
  type UnsealedEvent,
} from './internal/chain';
import { acquireFileLock, type FileLock } from './internal/fileLock';
import { queryArray } from './internal/query';
import { checkStoredLine } from './internal/storedLine';
import type { AuditQuery, AuditQueryPage, AuditStore } from './store';
import { CANONICAL_LINE_FILE } from './verifyLines/lineFile';
import type { StoredCheckpoint } from './verifyTrust';

export interface JsonlStoreOptions {
  /** The JSON Lines file (created with its folder if missing). Checkpoints go to `<path>.checkpoints`. */
  path: string;
  chainId?: string;
  /**
   * `fdatasync` after every batch (default true). Turning it off trades the durability promise
   * for speed; only for throwaway logs.
   */
  fsync?: boolean;
  /**
   * How many of the newest events' ids the store remembers to keep `append` idempotent (default
   * 100,000). Opening reads the ids of that many last lines back from the file, so an event
   * appended again after a restart (a retry whose first attempt did reach the disk) is returned
   * as stored instead of being written twice. An id older than the window is not recognized.
   */
  idempotencyWindow?: number;
}

/** A JSONL store, with what its opening found. */
export interface JsonlStore extends AuditStore {
  readonly path: string;
  /** Opens the file (also done lazily by the first call); returns what the repair did. */
  open(): Promise<{ head: ChainHead; repairedBytes: number }>;
}

const CHUNK = 1 << 20;
const DEFAULT_WINDOW = 100_000;
const { O_APPEND, O_CREAT, O_DSYNC, O_RDWR } = fsConstants;
// 'a+' plus O_DSYNC where the platform has it (Linux, macOS; not Windows).
const APPEND_DSYNC = O_DSYNC === undefined ? undefined : O_APPEND | O_CREAT | O_RDWR | O_DSYNC;

/** Finds the offset just after the last newline at or before `size`, reading backwards. */
async function lastLineEnd(fh: FileHandle, size: number): Promise<number> {
  let end = size;
  const buf = Buffer.alloc(64 * 1024);
  while (end > 0) {
    const start = Math.max(0, end - buf.length);
    const { bytesRead } = await fh.read(buf, 0, end - start, start);
    const nl = buf.subarray(0, bytesRead).lastIndexOf(10);
    if (nl >= 0) return start + nl + 1;
    end = start;
  }
  return 0;
}

/** Reads the last complete line ending at `end` (exclusive of the newline). */
async function lastLine(fh: FileHandle, end: number): Promise<string | undefined> {
  if (end === 0) return undefined;
  const before = await lastLineEnd(fh, end - 1);
  const length = end - 1 - before;
  const buf = Buffer.alloc(length);
  await fh.read(buf, 0, length, before);
  return buf.toString('utf8');
}

/** The complete lines of a file, an array per read (a torn last line is left out). */
async function* lineChunks(path: string): AsyncGenerator<string[]> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    // Two buffers: the next chunk is read while this one is split and handed out.
    const bufs = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let which = 0;
    let carry: Buffer = Buffer.alloc(0); // the bytes of a line not yet complete
    let position = 0;
    let next = fh.read(bufs[0] as Buffer, 0, CHUNK, 0);
    for (;;) {
      const { bytesRead, buffer } = await next;
      if (bytesRead === 0) break;
      position += bytesRead;
      which ^= 1;
      next = fh.read(bufs[which] as Buffer, 0, CHUNK, position);
      // Decode up to the last newline only, so a multi-byte character is never cut in two.
      const chunk = buffer.subarray(0, bytesRead);
      const nl = chunk.lastIndexOf(10);
      if (nl < 0) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      const text =
        carry.length > 0
          ? Buffer.concat([carry, chunk.subarray(0, nl)]).toString('utf8')
          : chunk.toString('utf8', 0, nl);
      carry = Buffer.from(chunk.subarray(nl + 1));
      const out = text.split('\n');
      yield out.includes('') ? out.filter((l) => l.length > 0) : out;
    }
    // An unterminated last line is a write in progress (or a torn one): not part of the chain.
  } finally {
    await fh.close();
  }
}

/** The id of a stored line (cheaply when canonical), or undefined for a line without one. */
function idOf(line: string): string | undefined {
  const scan = scanEventLine(line);
  if (scan) return line.slice(scan.idStart, scan.idEnd);
  const id = (parseLine(line) as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function parseLine(line: string): SealedEvent {
  try {
    return JSON.parse(line) as SealedEvent;
  } catch {
    return { malformed: line.slice(0, 80) } as unknown as SealedEvent;
  }
}

/**
 * An append-only JSON Lines store: one canonical event per line, one `write` and one
 * `fdatasync` per batch. Opening repairs a torn last line (from a crash mid-write) and resumes
 * the chain from the last complete event. One process writes a file at a time.
 *
 * @example
 * ```ts
 * const store = jsonlStore({ path: 'var/audit/case-desk.jsonl' });
 * const log = createAuditLog({ app: { name: 'case-desk' }, store });
 * ```
 */
export function jsonlStore(options: JsonlStoreOptions): JsonlStore {
  if (!options || typeof options.path !== 'string' || options.path.length === 0) {
    throw new AuditLogError('INVALID_OPTIONS', 'jsonlStore: `path` must be a file path');
  }
  const window = options.idempotencyWindow ?? DEFAULT_WINDOW;
  if (!Number.isSafeInteger(window) || window < 0) {
    throw new AuditLogError(
      'INVALID_OPTIONS',
      `jsonlStore: idempotencyWindow must be an integer >= 0, got ${window}`,
    );
  }
  const { path } = options;
  const cpPath = `${path}.checkpoints`;
  const sync = options.fsync !== false;
  const dsync = sync && APPEND_DSYNC !== undefined;
  let fh: FileHandle | undefined;
  let size = 0;
  let head: ChainHead = EMPTY_HEAD;
  let opening: Promise<{ head: ChainHead; repairedBytes: number }> | undefined;
  let lock: FileLock | undefined;
  let loadingIds: Promise<void> | undefined;
  let tail: Promise<unknown> = Promise.resolve();
  // The idempotency window: the newest `window` ids in write order with the byte offset of their
  // batch (a ring: entry k lives in slot k % window), and a Map from id to offset for lookups.
  // The Map is built lazily: an id the log minted in this process cannot be stored already, so a
  // batch of only such ids needs no lookup, and its ids just go into the ring. The first lookup
  // (an id a caller gave, which may be a retry) indexes every ring entry not yet in the Map, so
  // any id in the window is found however it was written; each entry is indexed at most once.
  const offsets = new Map<string, number>();
  const ringIds: string[] = [];
  const ringAt: number[] = [];
  let remembered = 0; // entries ever added to the ring
  let indexed = 0; // entries below this one are in `offsets` (those still in the window)

  /** Adds `id`, stored in the batch at `offset`, to the window, forgetting the oldest when full. */
  function remember(id: string, offset: number): void {
    if (window === 0) return;
    const slot = remembered % window;
    if (remembered >= window) {
      const old = ringIds[slot] as string;
      // Only if the Map still points at this entry (not at a newer line with the same id).
      if (remembered - window < indexed && offsets.get(old) === ringAt[slot]) offsets.delete(old);
    }
    ringIds[slot] = id;
    ringAt[slot] = offset;
    remembered++;
  }

  /** The Map with every id in the window. */
  function index(): Map<string, number> {
    for (let k = Math.max(indexed, remembered - window); k < remembered; k++) {
      const slot = k % window;
      offsets.set(ringIds[slot] as string, ringAt[slot] as number);
    }
    indexed = remembered;
    return offsets;
  }

  /**
   * The chain head the writer resumes from: the last complete line before `end`, which must be a
   * sealed event matching its own hash. Anything else is corruption, not a torn write (that has
   * no newline and was cut off already): the writer refuses it rather than chain after it.
   */
  async function headAt(handle: FileHandle, end: number): Promise<ChainHead> {
    const line = await lastLine(handle, end);
    if (line === undefined) return EMPTY_HEAD;
    const checked = checkStoredLine(line);
    if (!checked.ok) {
      const offset = end - Buffer.byteLength(line) - 1;
      throw new AuditLogError(
        'STORE_CORRUPT',
        `jsonlStore: the last line of ${path} (at byte ${offset}) is not a valid audit event: ${checked.problem}. The file is not opened for writing. Check it with \`city-audit verify --store jsonl:${path}\`, then run \`city-audit repair --store jsonl:${path}\`, which moves the bad tail to ${path}.rejected (never a valid event) so the chain can resume.`,
      );
    }
    return { seq: checked.seq, hash: checked.hash };
  }

  async function doOpen() {
    await mkdir(dirname(path), { recursive: true });
    const acquired = await acquireFileLock(path);
    let handle: FileHandle | undefined;
    try {
      // With O_DSYNC each write returns once its data (and the size that reaches it) is on disk:
      // the same promise as write + fdatasync, in one system call instead of two round trips.
      handle = await open(path, dsync ? APPEND_DSYNC : 'a+');
      const stat = await handle.stat();
      const end = await lastLineEnd(handle, stat.size);
      const repairedBytes = stat.size - end;
      // Check before repairing, so a refused file is left exactly as it was found.
      head = await headAt(handle, end);
      if (repairedBytes > 0) {
        await handle.truncate(end);
        await handle.datasync();
      }
      if (stat.size === 0) {
        // Make the new file's directory entry durable too.
        const dir = await open(dirname(path), 'r');
        await dir.sync().catch(() => {});
        await dir.close();
      }
      fh = handle;
      lock = acquired;
      size = end;
      return { head, repairedBytes };
    } catch (error) {
      await handle?.close().catch(() => {});
      await acquired.release().catch(() => {});
      throw error;
    }
  }

  /**
   * The head as the file records it, read-only: a reader (`verify`, a report) never creates,
   * repairs or holds the file, so it can run beside a live writer without touching its tail.
   */
  async function readHead(): Promise<ChainHead> {
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_HEAD;
      throw error;
    }
    try {
      // Lenient: a reader reports a bad last line through verify, it does not refuse to look.
      const line = await lastLine(handle, await lastLineEnd(handle, (await handle.stat()).size));
      const last = line === undefined ? undefined : parseLine(line);
      return last?.integrity && Number.isSafeInteger(last.integrity.seq)
        ? { seq: last.integrity.seq, hash: last.integrity.hash }
        : EMPTY_HEAD;
    } finally {
      await handle.close();
    }
  }

  function ready() {
    if (!opening) {
      const attempt = doOpen();
      opening = attempt;
      // A failed open (a missing folder, a held lock, a refused file) is tried again next time.
      attempt.catch(() => {
        if (opening === attempt) opening = undefined;
      });
    }
    return opening;
  }

  /** Reads the ids of the last `window` lines, newest last (only before the first append). */
  async function loadIds(): Promise<void> {
    await ready();
    if (window === 0 || size === 0) return;
    const handle = fh as FileHandle;
    // Walk back from the end a chunk at a time until `window` lines (or the file) are covered.
    const found: Array<[string, number]> = [];
    const buf = Buffer.alloc(CHUNK);
    let end = size;
    // The beginning of the file region already read, up to its first line start.
    let pending = Buffer.alloc(0);
    while (end > 0 && found.length < window) {
      const start = Math.max(0, end - CHUNK);
      const { bytesRead } = await handle.read(buf, 0, end - start, start);
      const chunk = buf.subarray(0, bytesRead);
      const bytes = pending.length > 0 ? Buffer.concat([chunk, pending]) : chunk;
      let lineEnd = bytes.length; // just after a newline
      while (lineEnd > 0 && found.length < window) {
        const nl = lineEnd >= 2 ? bytes.lastIndexOf(10, lineEnd - 2) : -1;
        if (nl < 0 && start > 0) break; // this line starts in an earlier chunk
        const lineStart = nl + 1;
        const id = idOf(bytes.toString('utf8', lineStart, lineEnd - 1));
        if (id !== undefined) found.push([id, start + lineStart]);
        lineEnd = lineStart;
      }
      pending = Buffer.from(bytes.subarray(0, lineEnd));
      end = start;
    }
    for (let i = found.length - 1; i >= 0; i--) {
      const [id, offset] = found[i] as [string, number];
      remember(id, offset);
    }
  }

  /** The stored event `id`, reading lines from `offset` (the start of its line or batch). */
  async function readBack(id: string, offset: number): Promise<SealedEvent> {
    const handle = fh as FileHandle;
    const buf = Buffer.alloc(CHUNK);
    let carry = Buffer.alloc(0);
    let at = offset;
    while (at < size) {
      const { bytesRead } = await handle.read(buf, 0, Math.min(CHUNK, size - at), at);
      if (bytesRead === 0) break;
      at += bytesRead;
      const bytes = carry.length > 0 ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf;
      const end = carry.length + bytesRead;
      // Cut at the last newline so a multi-byte character is never split.
      const nl = bytes.lastIndexOf(10, end - 1);
      carry = Buffer.from(bytes.subarray(nl + 1, end));
      if (nl < 0) continue;
      for (const line of bytes.toString('utf8', 0, nl).split('\n')) {
        if (line.length > 0 && idOf(line) === id) return parseLine(line);
      }
    }
    throw new AuditLogError('STORE_CORRUPT', `jsonlStore: event ${id} is no longer in ${path}`);
  }

  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn, fn);
    tail = run.catch(() => {});
    return run;
  }

  const store: JsonlStore = {
    kind: 'jsonl',
    chainId: options.chainId ?? 'default',
    path,
    open: ready,
    append(batch: readonly UnsealedEvent[]) {
      return serial(async () => {
        loadingIds ??= loadIds().catch((error: unknown) => {
          loadingIds = undefined;
          throw error;
        });
        await loadingIds;
        const handle = fh as FileHandle;
        // Ids already stored, or repeated within this batch, are not written again. Only ids the
        // log did not mint here need looking up; when there are any, the batch's fresh ids go
        // into the Map now (at this batch's offset), so a repeat inside the batch is caught too,
        // and a failed write takes them out again.
        let lookup: Map<string, number> | undefined;
        for (const e of batch) {
          if (!isMinted(e)) {
            lookup = index();
            break;
          }
        }
        let fresh: UnsealedEvent[] = batch as UnsealedEvent[];
        // Where each already stored id's batch starts, to read it back from.
        let repeats: Map<string, number> | undefined;
        if (lookup) {
          fresh = [];
          for (const e of batch) {
            const at = lookup.get(e.id);
            if (at !== undefined) {
              repeats ??= new Map();
              repeats.set(e.id, at);
            } else {
              lookup.set(e.id, size);
              fresh.push(e);
            }
          }
        }
        const { sealed, bytes, head: next } = sealEvents(fresh, head);
        if (sealed.length > 0) {
          try {
            let written = 0;
            while (written < bytes.length) {
              const r = await handle.write(bytes, written, bytes.length - written, size + written);
              written += r.bytesWritten;
            }
            if (sync && !dsync) await handle.datasync();
          } catch (error) {
            // Roll the file back so the chain on disk never holds a half batch.
            await handle.truncate(size).catch(() => {});
            if (lookup) for (const e of fresh) lookup.delete(e.id);
            throw error;
          }
          // Each id maps to where its batch starts; a repeat (rare) is found by reading from there.
          if (lookup) {
            // This batch's ids are in the Map already (and leave it as the window moves past).
            indexed = remembered + fresh.length;
            if (window === 0) for (const e of fresh) lookup.delete(e.id);
          }
          for (const e of fresh) {
            remember(e.id, size);
            markStored(e);
          }
          size += bytes.length;
          head = next;
        }
        if (!repeats) return sealed;
        const byId = new Map<string, SealedEvent>();
        for (const e of sealed) byId.set(e.id, e);
        const out: SealedEvent[] = [];
        for (const e of batch) {
          let stored = byId.get(e.id);
          if (!stored) {
            stored = await readBack(e.id, repeats.get(e.id) as number);
            byId.set(e.id, stored);
          }
          out.push(stored);
        }
        return out;
      });
    },
    async head() {
      // The writer's head once this store is open for writing; otherwise the file's, read-only.
      if (opening) {
        await opening;
        return head;
      }
      return readHead();
    },
    async *read() {
      for await (const chunk of lineChunks(path)) for (const line of chunk) yield parseLine(line);
    },
    async query(query: AuditQuery): Promise<AuditQueryPage> {
      const all: SealedEvent[] = [];
      for await (const chunk of lineChunks(path))
        for (const line of chunk) all.push(parseLine(line));
      return queryArray(all, query);
    },
    appendCheckpoint(cp: StoredCheckpoint) {
      return serial(async () => {
        const handle = await open(cpPath, 'a+');
        try {
          // A checkpoint line torn by a crash has no newline: end it first, so it stays one bad
          // line (skipped on reading) instead of swallowing this checkpoint.
          const { size: cpSize } = await handle.stat();
          let torn = false;
          if (cpSize > 0) {
            const last = Buffer.alloc(1);
            await handle.read(last, 0, 1, cpSize - 1);
            torn = last[0] !== 10;
          }
          await handle.write(`${torn ? '\n' : ''}${JSON.stringify(cp)}\n`);
          if (sync) await handle.datasync();
        } finally {
          await handle.close();
        }
      });
    },
    async checkpoints() {
      let text: string;
      try {
        text = await readFile(cpPath, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const out: StoredCheckpoint[] = [];
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          out.push(JSON.parse(line) as StoredCheckpoint);
        } catch {
          // a torn checkpoint line is simply not a checkpoint
        }
      }
      return out;
    },
    close() {
      return serial(async () => {
        if (opening) await opening.catch(() => {});
        await fh?.close();
        fh = undefined;
        await lock?.release();
        lock = undefined;
        opening = undefined;
        loadingIds = undefined;
        offsets.clear();
        ringIds.length = 0;
        ringAt.length = 0;
        remembered = 0;
        indexed = 0;
      });
    },
  };
  // verify() hashes the stored lines directly (not enumerable: a wrapper that spreads this store
  // and replaces `read` falls back to reading events).
  Object.defineProperty(store, CANONICAL_LINES, { value: () => lineChunks(path) });
  // A parallel verify reads the same file's bytes in worker threads.
  Object.defineProperty(store, CANONICAL_LINE_FILE, { value: () => path });
  return store;
}
