import type { Queryable } from '../database';

/**
 * The full list of what each share sent, kept by the app: the audit event of a share records
 * only a digest and a count, and the manifest here names the cases and, as keyed pseudonyms,
 * their reporters, so "who accessed my record" includes the shares a resident's data was in.
 */
export class ShareManifests {
  readonly #db: Queryable;
  readonly #t: string;

  constructor(db: Queryable, schema: string) {
    this.#db = db;
    this.#t = `"${schema}".share_manifests`;
  }

  async migrate(): Promise<void> {
    await this.#db.query(`CREATE TABLE IF NOT EXISTS ${this.#t} (
      event_id text PRIMARY KEY,
      agreement_id text NOT NULL,
      recipient text NOT NULL,
      shared_at timestamptz NOT NULL,
      cases jsonb NOT NULL,
      subjects text[] NOT NULL
    )`);
    await this.#db.query(
      `CREATE INDEX IF NOT EXISTS share_manifests_subjects_idx ON ${this.#t} USING gin (subjects)`,
    );
  }

  async add(entry: {
    eventId: string;
    agreementId: string;
    recipient: string;
    sharedAt: string;
    cases: { id: string; subjects: string[] }[];
  }): Promise<void> {
    await this.#db.query(
      `INSERT INTO ${this.#t} (event_id, agreement_id, recipient, shared_at, cases, subjects)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::text[]) ON CONFLICT (event_id) DO NOTHING`,
      [
        entry.eventId,
        entry.agreementId,
        entry.recipient,
        entry.sharedAt,
        JSON.stringify(entry.cases),
        [...new Set(entry.cases.flatMap((c) => c.subjects))],
      ],
    );
  }

  /** The cases (and their reporters' pseudonyms) share event `eventId` sent, if it is known. */
  async casesOf(eventId: string): Promise<{ id: string; subjects: string[] }[] | undefined> {
    const { rows } = await this.#db.query<{ cases: unknown }>(
      `SELECT cases FROM ${this.#t} WHERE event_id = $1`,
      [eventId],
    );
    const cases = rows[0]?.cases;
    if (cases === undefined) return undefined;
    return (typeof cases === 'string' ? JSON.parse(cases) : cases) as {
      id: string;
      subjects: string[];
    }[];
  }
}
