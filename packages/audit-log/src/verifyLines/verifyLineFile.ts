import { type FileHandle, open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { ChunkResult } from './chunkResult';
import type { LineChecks } from './lineChecks';
import { walkChunk } from './walkChunk';
import { LineWorkers } from './workerPool';

/** How a parallel verify cuts the file (internal: tests make chunks small to cross boundaries). */
export interface LineTuning {
  /** Bytes read per chunk (a chunk grows to hold a longer line). Default 1 MiB. */
  chunkBytes?: number;
  /**
   * Files smaller than this are verified in one thread. Default 32 MiB (about 50,000 events): on
   * 2 cores, below that, starting the workers and warming their code cost what they save.
   */
  minFileBytes?: number;
  /** The worker's code (tests start a failing one). */
  workerFile?: URL;
  /** Counts the chunks that workers checked (tests make sure the parallel path ran). */
  stats?: { chunks: number };
}

/** Internal option key of {@link LineTuning} on VerifyOptions. */
export const LINE_TUNING: unique symbol = Symbol.for('@cityofboston/audit-log.line-tuning');

/** The default `threads`: the parallelism the machine offers, at most 4, at least 1. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Reads whole lines in chunks of about `chunkBytes` into transferable buffers (reusing the ones
 * given back in `spare`). An unterminated last line is a write in progress, not part of the log,
 * as for the store's own line reader.
 */
async function* readChunks(
  fh: FileHandle,
  chunkBytes: number,
  spare: ArrayBuffer[],
): AsyncGenerator<{ buffer: ArrayBuffer; length: number }> {
  let carry = new Uint8Array(0);
  let position = 0;
  for (;;) {
    const size = Math.max(chunkBytes, carry.length * 2);
    let buffer = spare.pop();
    if (!buffer || buffer.byteLength < size) buffer = new ArrayBuffer(size);
    const view = new Uint8Array(buffer);
    view.set(carry, 0);
    const { bytesRead } = await fh.read(
      view,
      carry.length,
      buffer.byteLength - carry.length,
      position,
    );
    if (bytesRead === 0) return;
    position += bytesRead;
    const end = carry.length + bytesRead;
    const nl = view.lastIndexOf(10, end - 1);
    if (nl < 0) {
      carry = view.slice(0, end);
      continue;
    }
    carry = view.slice(nl + 1, end);
    yield { buffer, length: nl + 1 };
  }
}

/**
 * Verifies the lines of a JSONL log in worker threads: this thread reads the file in chunks of
 * whole lines and hands them to `threads` workers (canonical scan, event hash, leaf hash per
 * line), then joins their results in file order through `checks` (positions, links across
 * chunks, the tree and checkpoints). Returns false, having done nothing, when one thread should
 * do it (`threads` 1, a small file, no file), so the caller walks the lines itself.
 *
 * @throws AuditLogError `VERIFY_WORKER_FAILED` when a worker cannot start, throws or exits.
 */
export async function verifyLineFile(
  path: string,
  threads: number,
  checks: LineChecks,
  tuning: LineTuning = {},
): Promise<boolean> {
  if (threads <= 1) return false;
  const chunkBytes = tuning.chunkBytes ?? 1 << 20;
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch {
    return false; // the store's own reader decides what a missing file means
  }
  let workers: LineWorkers | undefined;
  try {
    const { size } = await fh.stat();
    if (size === 0 || size < (tuning.minFileBytes ?? 32 << 20)) return false;
    workers = new LineWorkers(Math.min(threads, Math.ceil(size / chunkBytes)), tuning.workerFile);
    const spare: ArrayBuffer[] = [];
    const reader = readChunks(fh, chunkBytes, spare);
    const queue: Promise<ChunkResult>[] = [];
    const depth = 2 * threads;
    let eof = false;
    const fill = async (pool: LineWorkers) => {
      while (!eof && queue.length < depth) {
        const next = await reader.next();
        if (next.done) eof = true;
        else queue.push(pool.run(next.value.buffer, next.value.length));
      }
    };
    await fill(workers);
    let line = 0;
    for (let result = queue.shift(); result; result = queue.shift()) {
      const r = await result;
      line = walkChunk(r, line, checks);
      if (tuning.stats) tuning.stats.chunks += 1;
      spare.push(r.buffer);
      if (checks.stopped()) break;
      await fill(workers);
    }
    return true;
  } finally {
    await workers?.close();
    await fh.close();
  }
}
