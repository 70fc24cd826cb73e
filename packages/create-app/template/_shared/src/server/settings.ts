import { randomBytes } from 'node:crypto';
import type { Queryable } from './database';

/** Secrets the app generates for itself and keeps in its database (development and tests). */
export interface Settings {
  /** The value stored under `key`, created with `create` (default: 32 random bytes) if missing. */
  get(key: string, create?: () => string): Promise<string>;
  /** The value stored under `key`, or undefined; never creates one. */
  find(key: string): Promise<string | undefined>;
}

/** The `app_settings` table (created if missing). */
export async function openSettings(db: Queryable): Promise<Settings> {
  await db.query(
    'CREATE TABLE IF NOT EXISTS app_settings (key text PRIMARY KEY, value text NOT NULL)',
  );
  const find = async (key: string) => {
    const { rows } = await db.query<{ value: string }>(
      'SELECT value FROM app_settings WHERE key = $1',
      [key],
    );
    return rows[0]?.value;
  };
  return {
    find,
    async get(key, create = () => randomBytes(32).toString('base64url')) {
      // ON CONFLICT: two instances starting together agree on one value.
      await db.query(
        'INSERT INTO app_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
        [key, create()],
      );
      return (await find(key)) ?? '';
    },
  };
}
