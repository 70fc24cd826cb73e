// A worker for verify's parallel path that exits on its first chunk (see verifyLines.test.ts).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => process.exit(3));
