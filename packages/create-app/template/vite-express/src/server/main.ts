// `npm start`: the API, sign-in and the built client on one port.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, readAppInfo, readConfig } from './config';
import { createServer } from './createServer';

// Local settings from .env (see .env.example); the environment wins over the file.
if (existsSync('.env')) process.loadEnvFile('.env');

try {
  const config = readConfig();
  const info = readAppInfo();
  const running = await createServer(config, info, {
    clientDir: resolve('dist/client'),
    host: process.env.HOST ?? (config.production ? '0.0.0.0' : '127.0.0.1'),
  });
  console.log(`${info.title} is running at ${running.url}`);
  if (running.idp) {
    console.log(`Sign in with the dev IdP as: ${running.idp.personas.map((p) => p.id).join(', ')}`);
  }
  // Closing flushes the audit log and signs and exports its last checkpoint: let it finish.
  // A signal often arrives twice (npm or tsx relays it to the process group that already got
  // it), so the handler stays installed and a repeat does not kill the process mid-close.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Cannot start: ${error.message}. See .env.example.`);
    process.exit(1);
  }
  throw error;
}
