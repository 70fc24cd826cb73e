// Records events as fast as it can and prints the id of each one whose record() resolved, until
// the parent kills it with SIGKILL. If the parent goes away first (a test that timed out, a run
// that was stopped), its end of the stdin pipe closes and this process exits rather than write
// on forever.
import { createAuditLog } from '../src/index';
import { jsonlStore, pgliteStore } from '../src/node';
import { sampleEvent } from './fixtures';

const [kind, location] = process.argv.slice(2);
if (!kind || !location) throw new Error('usage: crashChild jsonl|pglite <path>');
const store =
  kind === 'jsonl' ? jsonlStore({ path: location }) : pgliteStore({ dataDir: location });
const log = createAuditLog({ app: { name: 'crash-test' }, store });
process.stdin.on('end', () => process.exit(1));
process.stdin.on('error', () => process.exit(1));
process.stdin.resume();
let n = 0;
process.stdout.write('ready\n');
for (;;) {
  await Promise.all(
    Array.from({ length: 25 }, async () => {
      const e = await log.record(sampleEvent(n++));
      process.stdout.write(`${e.id}\n`);
    }),
  );
}
