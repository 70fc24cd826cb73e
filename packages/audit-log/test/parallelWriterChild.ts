// One app instance in a process of its own: its own pool and log on a shared PostgreSQL chain.
// Records `count` events of its own and, concurrently, the `shared` events every instance is
// given (same ids: only one copy may be stored), signs checkpoints, and prints one JSON line.
import { createAuditLog } from '../src/index';
import { postgresStore } from '../src/node';
import { sampleEvent } from './fixtures';

const [url, schema, name, countText, privateKeyB64, sharedText] = process.argv.slice(2);
if (!url || !schema || !name || !countText || !privateKeyB64 || sharedText === undefined) {
  throw new Error('usage: parallelWriterChild <url> <schema> <name> <count> <key> <ids>');
}
const shared = sharedText ? sharedText.split(',') : [];
const log = createAuditLog({
  app: { name },
  store: postgresStore({ connectionString: url, schema, chainId: 'shared', max: 2 }),
  signer: {
    privateKey: Buffer.from(privateKeyB64, 'base64').toString('utf8'),
    everyEvents: 50,
    everyMs: 0,
  },
});
const own = Array.from({ length: Number(countText) }, (_, i) =>
  log.record(sampleEvent(i, { details: { writer: name, n: i } })),
);
const again = shared.map((id, i) => log.record(sampleEvent(1000 + i), { id }));
const stored = await Promise.all([...own, ...again]);
await log.close();
process.stdout.write(
  `${JSON.stringify({
    ids: stored.map((e) => e.id),
    seqs: stored.map((e) => e.integrity.seq),
    note: log.lastCheckpoint?.note,
  })}\n`,
);
