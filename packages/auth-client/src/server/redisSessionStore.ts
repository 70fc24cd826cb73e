import { AuthError } from '../authError';
import type { SessionStore } from './sessionStore';

/**
 * The commands {@link RedisSessionStore} uses, as node-redis (v5 and later) declares them, so
 * this package needs no Redis client of its own: pass the client your app already has.
 */
export interface RedisSessionClient {
  get(key: string): Promise<unknown>;
  set(
    key: string,
    value: string,
    options: { expiration: { type: 'PX'; value: number }; condition?: 'NX' },
  ): Promise<unknown>;
  del(key: string): Promise<unknown>;
}

/** Options for {@link RedisSessionStore}. */
export interface RedisSessionStoreOptions {
  /** A connected node-redis client (`createClient({ url }).connect()`). */
  client: RedisSessionClient;
  /** Prepended to every key, so several apps can share one Redis (default `city-auth:`). */
  prefix?: string;
}

/**
 * A {@link SessionStore} in Redis: sessions, the revocation list and one-time values shared by
 * every instance of the app and kept across restarts. Each value is JSON under
 * `<prefix><key>` with a Redis expiry; `setIfAbsent` is one atomic `SET … NX PX`, so a login
 * transaction or a logout token's `jti` is taken by one instance only. With `sessionStorage:
 * 'store'` the values hold tokens: run Redis on a private network with AUTH and TLS
 * (`rediss://`).
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { createBff, RedisSessionStore } from '@cityofboston/auth-client/server';
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const bff = createBff({
 *   // ...issuer, clientId, clientSecret, baseUrl, secret
 *   store: new RedisSessionStore({ client: redis, prefix: 'case-desk:' }),
 * });
 * ```
 */
export class RedisSessionStore implements SessionStore {
  readonly durable = true;
  readonly #client: RedisSessionClient;
  readonly #prefix: string;

  constructor(options: RedisSessionStoreOptions) {
    if (!options?.client) {
      throw new AuthError('invalid_configuration', 'RedisSessionStore: `client` is required.');
    }
    this.#client = options.client;
    this.#prefix = options.prefix ?? 'city-auth:';
  }

  async get(key: string): Promise<unknown> {
    const raw = await this.#client.get(this.#prefix + key);
    return raw === null || raw === undefined ? undefined : JSON.parse(String(raw));
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.#client.set(this.#prefix + key, JSON.stringify(value), {
      expiration: { type: 'PX', value: ttlMs(ttlSeconds) },
    });
  }

  async delete(key: string): Promise<void> {
    await this.#client.del(this.#prefix + key);
  }

  async setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    const reply = await this.#client.set(this.#prefix + key, JSON.stringify(value), {
      expiration: { type: 'PX', value: ttlMs(ttlSeconds) },
      condition: 'NX',
    });
    return reply === 'OK';
  }
}

function ttlMs(ttlSeconds: number): number {
  return Math.max(1, Math.ceil(ttlSeconds * 1000));
}
