// One app instance for writers.bench.ts: a process with its own pool and log on the shared
// chain. On each message `n` it records n events at once and answers when all are stored.
import { createAuditLog } from '../src/index';
import { postgresStore } from '../src/node';
import { benchEvent } from './writerEvent';

const [url, schema] = process.argv.slice(2);
if (!url || !schema || !process.send) throw new Error('usage: fork writerProcess <url> <schema>');
const log = createAuditLog({
  app: { name: 'bench' },
  store: postgresStore({ connectionString: url, schema, max: 2, migrate: false }),
  batch: { maxQueue: 100_000 },
});
let k = 0;
await log.record(benchEvent(k++));
process.send('ready');
process.on('message', async (n: number) => {
  if (n === 0) {
    await log.close();
    process.exit(0);
  }
  await Promise.all(Array.from({ length: n }, () => log.record(benchEvent(k++))));
  process.send?.('done');
});
