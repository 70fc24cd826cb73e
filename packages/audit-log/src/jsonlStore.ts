import { type FileHandle, mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Checkpoint } from './checkpoint';
import { AuditLogError } from './errors';
import {
  type ChainHead,
  EMPTY_HEAD,
  type SealedEvent,
  sealEvents,
  serializeEvent,
  type UnsealedEvent,
} from './internal/chain';
import { queryArray } from './internal/query';
import type { AuditQuery, AuditQueryPage, AuditStore } from './store';

export interface JsonlStoreOptions {
  /** The JSON Lines file (created with its folder if missing). Checkpoints go to `<path>.checkpoints`. */
  path: string;
  chainId?: string;
  /**
   * `fdatasync` after every batch (default true). Turning it off trades the durability promise
   * for speed; only for throwaway logs.
   */
  fsync?: boolean;
}

/** A JSONL store, with what its opening found. */
export interface JsonlStore extends AuditStore {
  readonly path: string;
  /** Opens the file (also done lazily by the first call); returns what the repair did. */
  open(): Promise<{ head: ChainHead; repairedBytes: number }>;
}

const CHUNK = 1 << 20;
const RECENT_IDS = 1 << 16;

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

async function* lines(path: string): AsyncGenerator<string> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const buf = Buffer.alloc(CHUNK);
    let carry = '';
    let position = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      // Split on the last newline so a multi-byte character is never cut in two.
      const chunk = buf.subarray(0, bytesRead);
      const nl = chunk.lastIndexOf(10);
      if (nl < 0) {
        carry += chunk.toString('utf8');
        continue;
      }
      const text = carry + chunk.subarray(0, nl).toString('utf8');
      carry = chunk.subarray(nl + 1).toString('utf8');
      for (const line of text.split('\n')) if (line.length > 0) yield line;
    }
    // An unterminated last line is a write in progress (or a torn one): not part of the chain.
  } finally {
    await fh.close();
  }
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
  const { path } = options;
  const cpPath = `${path}.checkpoints`;
  const sync = options.fsync !== false;
  let fh: FileHandle | undefined;
  let size = 0;
  let head: ChainHead = EMPTY_HEAD;
  let opening: Promise<{ head: ChainHead; repairedBytes: number }> | undefined;
  let tail: Promise<unknown> = Promise.resolve();
  const recent = new Map<string, SealedEvent>();

  async function doOpen() {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(path, 'a+');
    const stat = await handle.stat();
    const end = await lastLineEnd(handle, stat.size);
    const repairedBytes = stat.size - end;
    if (repairedBytes > 0) {
      await handle.truncate(end);
      await handle.datasync();
    }
    const line = await lastLine(handle, end);
    if (line !== undefined) {
      const last = parseLine(line);
      if (!last.integrity || !Number.isSafeInteger(last.integrity.seq)) {
        await handle.close();
        throw new AuditLogError(
          'STORE_CORRUPT',
          `jsonlStore: the last line of ${path} is not an audit event`,
        );
      }
      head = { seq: last.integrity.seq, hash: last.integrity.hash };
    }
    if (stat.size === 0) {
      // Make the new file's directory entry durable too.
      const dir = await open(dirname(path), 'r');
      await dir.sync().catch(() => {});
      await dir.close();
    }
    fh = handle;
    size = end;
    return { head, repairedBytes };
  }

  function ready() {
    opening ??= doOpen();
    return opening;
  }

  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn, fn);
    tail = run.catch(() => {});
    return run;
  }

  return {
    kind: 'jsonl',
    chainId: options.chainId ?? 'default',
    path,
    open: ready,
    append(batch: readonly UnsealedEvent[]) {
      return serial(async () => {
        await ready();
        const handle = fh as FileHandle;
        const fresh = batch.filter((e) => !recent.has(e.id));
        const { sealed, head: next } = sealEvents(fresh, head);
        if (sealed.length > 0) {
          let text = '';
          for (const e of sealed) text += `${serializeEvent(e)}\n`;
          const bytes = Buffer.from(text, 'utf8');
          try {
            let written = 0;
            while (written < bytes.length) {
              const r = await handle.write(bytes, written, bytes.length - written, size + written);
              written += r.bytesWritten;
            }
            if (sync) await handle.datasync();
          } catch (error) {
            // Roll the file back so the chain on disk never holds a half batch.
            await handle.truncate(size).catch(() => {});
            throw error;
          }
          size += bytes.length;
          head = next;
          for (const e of sealed) {
            recent.set(e.id, e);
            if (recent.size > RECENT_IDS) recent.delete(recent.keys().next().value as string);
          }
        }
        return batch.map((e) => recent.get(e.id) as SealedEvent);
      });
    },
    async head() {
      await ready();
      return head;
    },
    async *read() {
      for await (const line of lines(path)) yield parseLine(line);
    },
    async query(query: AuditQuery): Promise<AuditQueryPage> {
      const all: SealedEvent[] = [];
      for await (const line of lines(path)) all.push(parseLine(line));
      return queryArray(all, query);
    },
    appendCheckpoint(cp: Checkpoint) {
      return serial(async () => {
        const handle = await open(cpPath, 'a');
        try {
          await handle.write(`${JSON.stringify(cp)}\n`);
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
      const out: Checkpoint[] = [];
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          out.push(JSON.parse(line) as Checkpoint);
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
        opening = undefined;
      });
    },
  };
}
