// A writer that stops between its two steps: the batch is stored and staged
// (audit_append_batch), and no seal places it.
import { randomUUID } from 'node:crypto';
import type { SealedEvent } from '../src/internal/chain';
import { sealBatch } from '../src/internal/sealBatch';
import type { SqlQueryable } from '../src/internal/sql/sqlStore';
import { uuidv7 } from '../src/internal/uuidv7';
import { sampleEvent } from './fixtures';

/** Event `n` as the log hands it to a store: with its app, a fresh id and the time now. */
export function unsealedEvent(n: number, app = 't') {
  return { ...sampleEvent(n), app: { name: app }, id: uuidv7(), time: new Date().toISOString() };
}

/** Stores and stages `events` in `schema` as audit_append_batch does, and stops before the seal. */
export async function stageWithoutSeal(
  db: SqlQueryable,
  schema: string,
  events: ReturnType<typeof unsealedEvent>[],
  chainId = 'default',
  batchId: string = randomUUID(),
): Promise<SealedEvent[]> {
  const { sealed, bytes } = sealBatch(events.map((e) => ({ ...e })));
  const last = sealed.at(-1) as SealedEvent;
  await db.query(
    `SELECT "${schema}".audit_append_batch($1, $2, $3, $4, $5::uuid[], $6::timestamptz[], $7::text[],
       $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13)`,
    [
      chainId,
      batchId,
      sealed.length,
      last.integrity.hash,
      sealed.map((e) => e.id),
      sealed.map((e) => e.time),
      sealed.map((e) => e.action),
      sealed.map((e) => e.actor.id),
      sealed.map((e) => e.target?.type ?? null),
      sealed.map((e) => e.target?.id ?? null),
      sealed.map((e) => e.outcome),
      sealed.map((e) => e.integrity.hash),
      bytes.toString('utf8', 0, bytes.length - 1),
    ],
  );
  return sealed;
}
