// SESSION_STORE=redis://...: sessions, sign-outs and one-time login state shared through a real
// Redis, so instances need no shared app database for them. Runs when REDIS_URL is set (CI sets
// it when a Redis answers on 127.0.0.1:6379).
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/server/config';
import { RedisSessionStore } from '../src/server/RedisSessionStore';
import { as, HttpBrowser, startDesk, type TestDesk } from './helpers';

const REDIS_URL = process.env.REDIS_URL;

describe('SESSION_STORE configuration', () => {
  it('reads a redis:// or rediss:// URL as the Redis store and refuses anything else', () => {
    expect(
      readConfig({ SESSION_STORE: 'redis://cache:6379' }, { dataDir: 'memory' }),
    ).toMatchObject({ sessionStore: 'redis', redisUrl: 'redis://cache:6379' });
    expect(
      readConfig({ SESSION_STORE: 'rediss://cache:6380' }, { dataDir: 'memory' }).sessionStore,
    ).toBe('redis');
    expect(() => readConfig({ SESSION_STORE: 'memcached' }, { dataDir: 'memory' })).toThrow(
      /SESSION_STORE must be/,
    );
  });
});

describe.runIf(REDIS_URL)('RedisSessionStore', () => {
  const prefix = `case-desk-test:${randomBytes(4).toString('hex')}:`;
  let store: RedisSessionStore;
  let other: RedisSessionStore;
  beforeAll(async () => {
    store = await RedisSessionStore.connect(REDIS_URL ?? '', prefix);
    other = await RedisSessionStore.connect(REDIS_URL ?? '', prefix);
  });
  afterAll(async () => {
    await store?.close();
    await other?.close();
  });

  it('shares values between instances', async () => {
    await store.set('session:a', { principal: { sub: 'u1' } }, 60);
    expect(await other.get('session:a')).toEqual({ principal: { sub: 'u1' } });
    await other.delete('session:a');
    expect(await store.get('session:a')).toBeUndefined();
  });

  it('forgets a value after its time to live', async () => {
    await store.set('ended:x', true, 0.05);
    await sleep(150);
    expect(await other.get('ended:x')).toBeUndefined();
  });

  it('setIfAbsent succeeds once per key across instances (one-time login state)', async () => {
    const results = await Promise.all([
      store.setIfAbsent('used-login:s1', true, 60),
      other.setIfAbsent('used-login:s1', true, 60),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await store.set('used-login:s2', true, 0.05);
    await sleep(150);
    expect(await other.setIfAbsent('used-login:s2', true, 60)).toBe(true);
  });

  it('fails to connect with an error rather than hanging when Redis is not there', async () => {
    await expect(RedisSessionStore.connect('redis://127.0.0.1:1')).rejects.toThrow();
  });
});

describe.runIf(REDIS_URL)('two instances sharing sessions through Redis', () => {
  let a: TestDesk;
  let b: TestDesk;
  beforeAll(async () => {
    const shared = {
      SESSION_STORE: REDIS_URL ?? '',
      SESSION_SECRET: randomBytes(32).toString('base64url'),
    };
    a = await startDesk(20, shared);
    b = await startDesk(20, {
      ...shared,
      OIDC_ISSUER: a.idp?.issuer ?? '',
      OIDC_CLIENT_ID: 'case-desk',
      OIDC_CLIENT_SECRET: 'not-used-by-this-test',
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a session started on one instance works on the other, and sign-out ends it on both', async () => {
    const onA = await as(a, 'pwd-clerk');
    const onB = new HttpBrowser(b.url);
    for (const [name, value] of onA.cookies) onB.cookies.set(name, value);
    expect((await onB.api('/api/cases?pageSize=1')).status).toBe(200);
    expect((await onA.api('/auth/logout', { method: 'POST' })).status).toBe(200);
    expect((await onB.api('/api/cases?pageSize=1')).status).toBe(401);
  });
});
