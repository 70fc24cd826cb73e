// A writer that stops between its two steps: the batch is stored and staged
// (audit_append_batch), and no seal places it.
import { randomUUID } from 'node:crypto';
import type { SealedEvent } from '../src/internal/chain';
import { sealBatch } from '../src/internal/sealBatch';
import { stageBatch } from '../src/internal/sql/appendBatch';
import type { SqlQueryable } from '../src/internal/sql/sqlStore';
import { uuidv7 } from '../src/internal/uuidv7';
import { sampleEvent } from './fixtures';

/** Event `n` as the log hands it to a store: with its app, a fresh id and the time now. */
export function unsealedEvent(n: number, app = 't') {
  return { ...sampleEvent(n), app: { name: app }, id: uuidv7(), time: new Date().toISOString() };
}

/** Stores and stages `events` in `schema` as an append does, and stops before the seal. */
export async function stageWithoutSeal(
  db: SqlQueryable,
  schema: string,
  events: ReturnType<typeof unsealedEvent>[],
  chainId = 'default',
  batchId: string = randomUUID(),
): Promise<SealedEvent[]> {
  const { sealed, bytes } = sealBatch(events.map((e) => ({ ...e })));
  await stageBatch(db, `"${schema}"`, chainId, batchId, sealed, bytes);
  return sealed;
}
