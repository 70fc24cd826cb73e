// SESSION_STORE=redis://...: sessions, sign-outs and one-time login state shared through a real
// Redis, so instances need no shared app database for them. Runs when REDIS_URL is set (CI sets
// it when a Redis answers on 127.0.0.1:6379).
import { randomBytes } from 'node:crypto';
import { RedisSessionStore } from '@cityofboston/auth-client/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/server/config';
import { closeRedis, connectRedis } from '../src/server/redisConnection';
import {
  describeSessionStoreContract,
  expectSessionShared,
  startPair,
  type TestDesk,
} from './helpers';

const REDIS_URL = process.env.REDIS_URL;

describe('SESSION_STORE configuration', () => {
  it('reads a redis:// or rediss:// URL as the Redis store and refuses anything else', () => {
    const read = (value: string) => readConfig({ SESSION_STORE: value }, { dataDir: 'memory' });
    expect(read('redis://cache:6379')).toMatchObject({
      sessionStore: 'redis',
      redisUrl: 'redis://cache:6379',
    });
    expect(read('rediss://cache:6380').sessionStore).toBe('redis');
    expect(() => read('memcached')).toThrow(/SESSION_STORE must be/);
  });
});

describeSessionStoreContract(
  'RedisSessionStore',
  async () => {
    const prefix = `case-desk-test:${randomBytes(4).toString('hex')}:`;
    // auth-client's store, on two connections as two app servers would have.
    const [one, two] = [await connectRedis(REDIS_URL ?? ''), await connectRedis(REDIS_URL ?? '')];
    return {
      store: new RedisSessionStore({ client: one, prefix }),
      other: new RedisSessionStore({ client: two, prefix }),
      close: async () => void (await Promise.all([closeRedis(one), closeRedis(two)])),
    };
  },
  { runIf: Boolean(REDIS_URL) },
);

describe('connectRedis', () => {
  it('fails with an error rather than retrying forever when nothing answers', async () => {
    await expect(connectRedis('redis://127.0.0.1:1')).rejects.toThrow();
  });
});

describe.runIf(REDIS_URL)('two instances sharing sessions through Redis', () => {
  let pair: [TestDesk, TestDesk] | undefined;
  beforeAll(async () => {
    pair = await startPair({ SESSION_STORE: REDIS_URL ?? '' }, [20, 20]);
  });
  afterAll(async () => {
    await pair?.[1].close();
    await pair?.[0].close();
  });

  it('a session started on one instance works on the other, and sign-out ends it on both', async () => {
    if (!pair) throw new Error('the instances did not start');
    await expectSessionShared(...pair);
  });
});
