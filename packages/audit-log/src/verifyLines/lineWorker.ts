// The worker thread of a parallel `verify`: it receives chunks of a JSONL log (transferred
// ArrayBuffers of whole lines) and answers each with its ChunkResult, transferring the buffers
// back. It keeps no state between chunks; the main thread joins them in file order.
import { parentPort } from 'node:worker_threads';
import { scanChunk } from './scanChunk';
import type { ChunkRequest } from './workerPool';

if (!parentPort) throw new Error('lineWorker runs as a worker thread of verify()');
const port = parentPort;
port.on('message', (request: ChunkRequest) => {
  const r = scanChunk(request.buffer, request.length);
  port.postMessage({ id: request.id, result: r }, [
    r.buffer,
    r.flags.buffer,
    r.seqs.buffer,
    r.at.buffer,
  ] as ArrayBuffer[]);
});
