import { createClient } from 'redis';

function open(url: string, state: { connected: boolean }) {
  return createClient({
    url,
    socket: {
      connectTimeout: 5000,
      reconnectStrategy: (retries, cause) =>
        state.connected ? Math.min(50 * 2 ** retries, 2000) : cause,
    },
  });
}

/** A connected node-redis client. */
export type RedisConnection = ReturnType<typeof open>;

/**
 * Connects to `url` (`redis://` or `rediss://`) for the session store and the rate limits. It
 * gives up when the first connection fails (a wrong URL should stop the start, not retry
 * forever) and, once connected, reconnects with a capped backoff.
 */
export async function connectRedis(url: string): Promise<RedisConnection> {
  const state = { connected: false };
  const client = open(url, state);
  // Connection errors after start surface as rejected commands; keep the process alive.
  client.on('error', () => {});
  await client.connect();
  state.connected = true;
  return client;
}

/** Closes `client` if it is still open. */
export async function closeRedis(client: RedisConnection): Promise<void> {
  if (client.isOpen) await client.close();
}
