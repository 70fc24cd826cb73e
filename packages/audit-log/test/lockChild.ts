// Opens a JSONL store for writing, records one event, says so, and holds the file until the
// parent kills it (SIGKILL leaves its lock behind, as a crashed writer would).
import { createAuditLog } from '../src/index';
import { jsonlStore } from '../src/node';
import { sampleEvent } from './fixtures';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: lockChild <path>');
const log = createAuditLog({ app: { name: 'lock-child' }, store: jsonlStore({ path }) });
try {
  await log.record(sampleEvent(0));
  process.stdout.write(`holding ${process.pid}\n`);
} catch (error) {
  process.stdout.write(`refused ${(error as { code?: string }).code}\n`);
  process.exit(0);
}
setInterval(() => {}, 1000);
