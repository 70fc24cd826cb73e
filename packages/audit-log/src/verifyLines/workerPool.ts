import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AuditLogError } from '../errors';
import type { ChunkResult } from './chunkResult';

/** What the main thread sends a worker: one chunk of whole lines. */
export interface ChunkRequest {
  id: number;
  buffer: ArrayBuffer;
  length: number;
}

interface Pending {
  resolve: (result: ChunkResult) => void;
  reject: (error: Error) => void;
}

/**
 * Where the worker's code is. Built, it is `lineWorker.js` (ESM) or `lineWorker.cjs` beside the
 * bundle that runs this; from the TypeScript sources (tests, benchmarks), it is `lineWorker.ts`
 * beside this file, started through tsx's module hooks (on Node 20, `--import tsx` in a worker's
 * execArgv does not reach the worker's own loader, so the worker registers them itself).
 */
function workerEntry(): { file: URL | string; eval?: boolean } {
  const here = (import.meta as { url?: string }).url;
  if (typeof here === 'string') {
    if (here.endsWith('.ts')) return sourceWorker(here);
    // Each worker file is named by a literal: app bundlers (Next.js's file tracing among them)
    // copy what `new URL('<literal>', import.meta.url)` names, and a computed name makes them
    // take the whole folder, type declarations included.
    // tsup's CJS build sets import.meta.url to the .cjs file's URL.
    if (here.endsWith('.cjs')) return { file: new URL('./lineWorker.cjs', import.meta.url) };
    return { file: new URL('./lineWorker.js', import.meta.url) };
  }
  if (typeof __dirname === 'string') return { file: join(__dirname, 'lineWorker.cjs') };
  throw new Error('cannot tell where the worker code is (neither import.meta.url nor __dirname)');
}

/**
 * The worker started from the TypeScript sources (tests, benchmarks): `lineWorker.ts` beside
 * this file, through tsx's module hooks. Its path is computed, not written as a URL literal, so
 * bundlers tracing the built package do not look for a `.ts` file there.
 */
function sourceWorker(here: string): { file: string; eval: true } {
  const target = `${here.slice(0, here.lastIndexOf('/') + 1)}lineWorker.ts`;
  const code = `import(${JSON.stringify(tsxApi(here))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); });`;
  return { file: code, eval: true };
}

/** The URL of tsx's ESM API (`tsx/esm/api`, import condition), found from `from`. */
function tsxApi(from: string): string {
  const require = createRequire(from);
  // A computed request, so bundlers tracing the built package do not try to resolve tsx.
  const manifest = require.resolve(['tsx', 'package.json'].join('/'));
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = exports['./esm/api']?.import.default;
  if (!entry) throw new Error('tsx has no ESM API to start a TypeScript worker with');
  return pathToFileURL(join(dirname(manifest), entry)).href;
}

function workerFailed(cause: unknown): AuditLogError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AuditLogError(
    'VERIFY_WORKER_FAILED',
    `verify: a worker thread failed (${reason}); nothing was concluded about the log. Run verify with threads: 1 (--threads 1) to check it in this thread.`,
    { cause },
  );
}

/**
 * Worker threads that check chunks of lines, in the order given. A worker that cannot start, throws
 * or exits fails every chunk still waiting (with `VERIFY_WORKER_FAILED`), so a verify never hangs
 * and never reports ok on a chunk nobody checked.
 */
export class LineWorkers {
  private readonly workers: Worker[] = [];
  private readonly pending: Map<number, Pending>[] = [];
  private next = 0;
  private ids = 0;
  private failure: AuditLogError | undefined;
  private closing = false;

  /** Starts `threads` workers (from `file`, or the built-in worker). */
  constructor(threads: number, file?: URL) {
    for (let w = 0; w < threads; w++) {
      const waiting = new Map<number, Pending>();
      this.pending.push(waiting);
      let worker: Worker;
      try {
        const entry = file ? { file } : workerEntry();
        // Not `new Worker(<expression>)`: app bundlers read that as "any file in this folder may
        // be a worker" and take the whole folder, type declarations included (Next.js's build then
        // fails on them). The files the worker may be are named by the URL literals above.
        worker = Reflect.construct(Worker, [entry.file, { eval: entry.eval === true }]) as Worker;
      } catch (error) {
        this.fail(error);
        return;
      }
      worker.on('message', (message: { id: number; result: ChunkResult }) => {
        const p = waiting.get(message.id);
        if (!p) return;
        waiting.delete(message.id);
        p.resolve(message.result);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`a worker exited with code ${code}`));
      });
      this.workers.push(worker);
    }
  }

  private fail(cause: unknown): void {
    this.failure ??= workerFailed(cause);
    const error = this.failure;
    for (const waiting of this.pending) {
      for (const p of waiting.values()) p.reject(error);
      waiting.clear();
    }
  }

  /** Checks one chunk (its buffer is transferred to a worker and comes back in the result). */
  run(buffer: ArrayBuffer, length: number): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure);
    const w = this.next;
    this.next = (w + 1) % this.workers.length;
    const worker = this.workers[w] as Worker;
    const waiting = this.pending[w] as Map<number, Pending>;
    const id = this.ids++;
    const result = new Promise<ChunkResult>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
    });
    // Awaited later, in file order; until then a failure must not count as unhandled.
    result.catch(() => {});
    const request: ChunkRequest = { id, buffer, length };
    worker.postMessage(request, [buffer]);
    return result;
  }

  /** Stops every worker (waiting chunks are dropped). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
