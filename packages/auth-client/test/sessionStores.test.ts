// The shipped SessionStores against real servers: PostgreSQL (DATABASE_URL, else PGlite) and
// Redis (when REDIS_URL is set; CI sets it when a Redis answers on 127.0.0.1:6379).
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { describe, expect, it, vi } from 'vitest';
import {
  createBff,
  MemorySessionStore,
  PostgresSessionStore,
  RedisSessionStore,
  type SessionStore,
} from '../src/server';
import { startTestApp } from './helpers/app';
import { Browser, signInAs } from './helpers/browser';
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
    }, 120_000);
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

describe.runIf(REDIS_URL)('sign-out through RedisSessionStore', () => {
  it('a cookie signed out on one instance is refused by a fresh instance over the same Redis', async () => {
    const client = await createClient({ url: REDIS_URL }).connect();
    const prefix = `auth-client-test:${randomBytes(4).toString('hex')}:`;
    const t = await startTestApp({ store: new RedisSessionStore({ client, prefix }) });
    try {
      const browser = new Browser();
      const { response } = await signInAs(
        browser,
        `${t.origin}/auth/login?returnTo=/api/me`,
        'pwd-clerk',
      );
      expect(response.status).toBe(200);
      const cookie = `city-session=${browser.cookies.get('city-session')?.value}`;
      const out = await browser.fetch(`${t.origin}/auth/logout`, {
        method: 'POST',
        headers: { origin: t.origin, 'x-city-csrf': '1' },
      });
      expect(out.status).toBe(200);
      const restarted = createBff({
        issuer: t.idp.issuer,
        clientId: 'case-desk',
        baseUrl: t.origin,
        secret: 'a-test-secret-of-at-least-32-characters!!',
        store: new RedisSessionStore({ client, prefix }),
      });
      await expect(
        restarted.getSession(new Request(`${t.origin}/api/me`, { headers: { cookie } })),
      ).rejects.toMatchObject({ code: 'session_revoked' });
    } finally {
      await t.close();
      await client.close();
    }
  });
});
