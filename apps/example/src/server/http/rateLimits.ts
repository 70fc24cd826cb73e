import { type Options, rateLimit } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import { CaseDeskError } from '../CaseDeskError';
import type { RedisConnection } from '../redisConnection';

/**
 * Per-client rate limits (express-rate-limit), one minute windows. In Redis when sessions are
 * (so every instance counts the same client together), in memory otherwise. They run before the
 * audit middleware, so a flood is answered 429 without writing an audit event per request.
 */
export function rateLimits(options: {
  api: number;
  signIn: number;
  redis?: RedisConnection | undefined;
}) {
  const make = (name: string, limit: number) => {
    const config: Partial<Options> = {
      windowMs: 60_000,
      limit,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, _res, next) => {
        next(
          new CaseDeskError('rate_limited', 'Too many requests; wait a minute and try again', {
            headers: { 'retry-after': '60' },
          }),
        );
      },
    };
    const redis = options.redis;
    if (redis) {
      config.store = new RedisStore({
        prefix: `case-desk:rate:${name}:`,
        sendCommand: (...args: string[]) => redis.sendCommand(args) as never,
      });
    }
    return rateLimit(config);
  };
  return { api: make('api', options.api), signIn: make('sign-in', options.signIn) };
}
