// The shipped SessionStores against real servers: PostgreSQL (DATABASE_URL, else PGlite) and
// Redis (when REDIS_URL is set; CI sets it when a Redis answers on 127.0.0.1:6379).
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { describe, expect, it, vi } from 'vitest';
import {
  MemorySessionStore,
  PostgresSessionStore,
  RedisSessionStore,
  type SessionStore,
} from '../src/server';
import { openSqlStore } from './helpers/sqlStore';

function contract(
  name: string,
  open: () => Promise<{ store: SessionStore; close(): Promise<void> }>,
) {
  describe(name, () => {
    it('stores JSON values with a lifetime, deletes them, and takes a one-time key once', async () => {
      const { store, close } = await open();
      try {
        expect(await store.get('missing')).toBeUndefined();
        await store.set('ended:s1', { at: 1, roles: ['a'] }, 60);
        expect(await store.get('ended:s1')).toEqual({ at: 1, roles: ['a'] });
        await store.delete('ended:s1');
        expect(await store.get('ended:s1')).toBeUndefined();
        const taken = await Promise.all(
          Array.from({ length: 10 }, () => store.setIfAbsent('used-login:x', true, 60)),
        );
        expect(taken.filter(Boolean)).toHaveLength(1);
        await store.set('short', true, 0.2);
        await vi.waitFor(async () => expect(await store.get('short')).toBeUndefined(), {
          timeout: 5000,
          interval: 100,
        });
        // An expired one-time key can be taken again.
        expect(await store.setIfAbsent('short', 'again', 60)).toBe(true);
      } finally {
        await close();
      }
    });
  });
}

contract('MemorySessionStore', async () => ({
  store: new MemorySessionStore(),
  close: async () => {},
}));
contract('PostgresSessionStore', openSqlStore);

const REDIS_URL = process.env.REDIS_URL;
describe.runIf(REDIS_URL)('with Redis', () => {
  contract('RedisSessionStore', async () => {
    const client = await createClient({ url: REDIS_URL }).connect();
    return {
      store: new RedisSessionStore({
        client,
        prefix: `auth-client-test:${randomBytes(4).toString('hex')}:`,
      }),
      close: async () => {
        await client.close();
      },
    };
  });
});

describe('store declarations', () => {
  it('only the memory store declares itself not durable', async () => {
    expect(new MemorySessionStore().durable).toBe(false);
    const sql = await PostgresSessionStore.create({ db: { query: async () => ({ rows: [] }) } });
    expect(sql.durable).toBe(true);
    expect(
      new RedisSessionStore({
        client: { get: async () => null, set: async () => 'OK', del: async () => 1 },
      }).durable,
    ).toBe(true);
  });
  it('refuses schema names that are not plain identifiers', async () => {
    await expect(
      PostgresSessionStore.create({
        db: { query: async () => ({ rows: [] }) },
        schema: 'x"; DROP TABLE y; --',
      }),
    ).rejects.toMatchObject({ code: 'invalid_configuration' });
  });
});
