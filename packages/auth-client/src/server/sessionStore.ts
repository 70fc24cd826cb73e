/**
 * Where the BFF keeps server-side state: sessions (when `sessionStorage: 'store'`), the list of
 * sessions ended by back-channel logout, used login transactions and logout token ids. Implement
 * it over Redis or PostgreSQL so that several app instances share sessions; values are JSON.
 */
export interface SessionStore {
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
    if ((await this.get(key)) !== undefined) return false;
    await this.set(key, value, ttlSeconds);
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
