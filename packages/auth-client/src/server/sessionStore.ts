/**
 * Where the BFF keeps server-side state: sessions (when `sessionStorage: 'store'`), the
 * revocation list (session ids signed out, and IdP sessions ended by back-channel logout, until
 * they would have expired anyway), used login transactions and logout token ids. Values are
 * JSON. The package ships {@link MemorySessionStore} (one process, development and tests),
 * `RedisSessionStore` and `PostgresSessionStore` (shared and durable, for production).
 */
export interface SessionStore {
  /**
   * `false` when the store loses its contents on restart or is not shared between instances
   * (`MemorySessionStore`). `createBff` refuses such a store outside development and test,
   * since a sign-out kept only in memory is undone by a restart (`durable_store_required`).
   * Leave it undefined (or `true`) for a store over a shared database.
   */
  readonly durable?: boolean;
  get(key: string): Promise<unknown>;
  /** Stores `value` for `ttlSeconds`; after that `get` returns undefined. */
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Stores `value` only if `key` is absent; returns whether it did. Used for one-time values
   * (login transactions, logout token `jti`), so it must be atomic across instances.
   */
  setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean>;
}

/**
 * An in-process {@link SessionStore}: right for one instance and for tests. Expired entries are
 * dropped when read and swept every minute.
 */
export class MemorySessionStore implements SessionStore {
  /** In memory: gone on restart, invisible to other instances. */
  readonly durable = false;
  readonly #entries = new Map<string, { value: unknown; expiresAt: number }>();
  #lastSweep = Date.now();

  async get(key: string): Promise<unknown> {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return structuredClone(entry.value);
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    this.#sweep();
    this.#entries.set(key, {
      value: structuredClone(value),
      expiresAt: Date.now() + ttlSeconds * 1000,
    });
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  async setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean> {
    // Checked and set in one synchronous step: with an await between them, concurrent callers
    // (a callback replayed in parallel) could all see the key absent.
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt > Date.now()) return false;
    this.#sweep();
    this.#entries.set(key, {
      value: structuredClone(value),
      expiresAt: Date.now() + ttlSeconds * 1000,
    });
    return true;
  }

  /** How many live entries it holds. */
  get size(): number {
    this.#sweep(true);
    return this.#entries.size;
  }

  #sweep(force = false): void {
    const now = Date.now();
    if (!force && now - this.#lastSweep < 60_000) return;
    this.#lastSweep = now;
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }
}
