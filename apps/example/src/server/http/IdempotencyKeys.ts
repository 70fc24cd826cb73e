import { createHash } from 'node:crypto';
import { CaseDeskError } from '../CaseDeskError';
import type { Queryable } from '../database';

/** How long a key is remembered: a client retrying after a timeout does so within minutes. */
const KEEP_HOURS = 24;

/** A key's earlier outcome: the answer the first request got. */
export interface Replay {
  status: number;
  body: unknown;
}

/**
 * `Idempotency-Key` support (draft-ietf-httpapi-idempotency-key-header): a change sent again with
 * the same key, by the same person, is not applied twice; the retry gets the first answer.
 *
 * The key is claimed inside the change's own transaction. A concurrent retry blocks on the
 * unique key until the first transaction ends, then sees its committed answer; if the first
 * failed (rolled back), the key is free again and the retry runs normally.
 */
export class IdempotencyKeys {
  readonly #t: string;
  readonly #db: Queryable;

  constructor(db: Queryable, schema: string) {
    this.#db = db;
    this.#t = `"${schema}".idempotency_keys`;
  }

  async migrate(): Promise<void> {
    await this.#db.query(`CREATE TABLE IF NOT EXISTS ${this.#t} (
      owner text NOT NULL,
      key text NOT NULL,
      fingerprint text NOT NULL,
      status integer,
      body jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (owner, key)
    )`);
  }

  /**
   * Claims `key` for `owner` in `tx`. Resolves with `undefined` when the change should run, or
   * with the earlier answer to replay. The same key with a different request is a 422.
   */
  async claim(
    tx: Queryable,
    owner: string,
    key: string,
    request: unknown,
  ): Promise<Replay | undefined> {
    const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('base64url');
    await tx.query(
      `DELETE FROM ${this.#t} WHERE owner = $1 AND key = $2
       AND created_at < now() - make_interval(hours => ${KEEP_HOURS})`,
      [owner, key],
    );
    const { rows } = await tx.query<{ key: string }>(
      `INSERT INTO ${this.#t} (owner, key, fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT (owner, key) DO NOTHING RETURNING key`,
      [owner, key, fingerprint],
    );
    if (rows.length > 0) return undefined;
    const earlier = await tx.query<{ fingerprint: string; status: number; body: unknown }>(
      `SELECT fingerprint, status, body FROM ${this.#t} WHERE owner = $1 AND key = $2`,
      [owner, key],
    );
    const row = earlier.rows[0];
    if (!row || row.fingerprint !== fingerprint) {
      throw new CaseDeskError(
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different request',
      );
    }
    return { status: row.status, body: row.body };
  }

  /** Stores the answer to the request that claimed `key`, in the same transaction. */
  async remember(tx: Queryable, owner: string, key: string, answer: Replay): Promise<void> {
    await tx.query(
      `UPDATE ${this.#t} SET status = $3, body = $4::jsonb WHERE owner = $1 AND key = $2`,
      [owner, key, answer.status, JSON.stringify(answer.body)],
    );
  }
}
