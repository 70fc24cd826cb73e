import type { SessionStore } from '@cityofboston/auth-client/server';
import { createClient } from 'redis';

/**
 * A client that gives up when the first connection fails (a wrong URL should stop the start, not
 * retry forever) and, once connected, reconnects with a capped backoff.
 */
function openClient(url: string) {
  const state = { connected: false };
  const client = createClient({
    url,
    socket: {
      connectTimeout: 5000,
      reconnectStrategy: (retries, cause) =>
        state.connected ? Math.min(50 * 2 ** retries, 2000) : cause,
    },
  });
  return { client, state };
}
type Client = ReturnType<typeof openClient>['client'];

/**
 * A `SessionStore` in Redis (`SESSION_STORE=redis://host:6379`), so several app instances share
 * sessions, sign-outs and one-time login transactions without touching the app database. Values
 * are JSON under `<prefix><key>` with Redis expiry; `setIfAbsent` is one atomic `SET NX`, so a
 * one-time value (a login transaction, a logout token's `jti`) is taken by one instance only.
 * The values are what auth-client hands the store: with `sessionStorage: 'store'` the session
 * record, which holds tokens, so run Redis on a private network with AUTH and TLS (`rediss://`)
 * in production.
 */
export class RedisSessionStore implements SessionStore {
  readonly #client: Client;
  readonly #prefix: string;

  private constructor(client: Client, prefix: string) {
    this.#client = client;
    this.#prefix = prefix;
  }

  /** Connects to `url` (`redis://` or `rediss://`); fails if the server does not answer. */
  static async connect(url: string, prefix = 'case-desk:session:'): Promise<RedisSessionStore> {
    const { client, state } = openClient(url);
    // Connection errors after start surface as rejected commands; keep the process alive.
    client.on('error', () => {});
    await client.connect();
    state.connected = true;
    return new RedisSessionStore(client, prefix);
  }

  async get(key: string): Promise<unknown> {
    const raw = await this.#client.get(this.#prefix + key);
    return raw === null ? undefined : JSON.parse(raw);
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

  /**
   * Sends a raw command on this store's connection (for `rate-limit-redis`, so the rate limits
   * live where the sessions do and hold across instances).
   */
  sendCommand(...args: string[]): Promise<unknown> {
    return this.#client.sendCommand(args);
  }

  async close(): Promise<void> {
    if (this.#client.isOpen) await this.#client.close();
  }
}

function ttlMs(ttlSeconds: number): number {
  return Math.max(1, Math.ceil(ttlSeconds * 1000));
}
