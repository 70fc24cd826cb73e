// A worker for verify's parallel path that throws on its first chunk (see verifyLines.test.ts).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => {
  throw new Error('the worker broke on this chunk');
});
