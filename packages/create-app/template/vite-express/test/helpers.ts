import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { readAppInfo, readConfig } from '../src/server/config';
import { createServer, type RunningApp } from '../src/server/createServer';

/** Builds the client (vite), so the tests exercise what `npm start` serves. */
export async function buildClient(): Promise<string> {
  await build({ configFile: resolve('vite.config.ts'), logLevel: 'warn' });
  return resolve('dist/client');
}

/** A new empty folder for a test's exported audit checkpoints. */
export function checkpointDir(): string {
  return mkdtempSync(join(tmpdir(), 'audit-checkpoints-'));
}

/** The app on a free port with an in-memory database and the dev IdP. */
export function startApp(
  clientDir?: string,
  auditCheckpointDir = checkpointDir(),
): Promise<RunningApp> {
  const config = { ...readConfig({}), port: 0, dataDir: 'memory', auditCheckpointDir };
  return createServer(config, readAppInfo(), {
    ...(clientDir ? { clientDir } : {}),
    log: () => {},
  });
}

export {
  type KeyboardEvidence,
  launchBrowser,
  type PageEvidence,
  writeEvidence,
} from './browser';
