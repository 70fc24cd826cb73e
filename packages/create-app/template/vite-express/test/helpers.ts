import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';
import { build } from 'vite';
import { readAppInfo, readConfig } from '../src/server/config';
import { createServer, type RunningApp } from '../src/server/createServer';

const require = createRequire(import.meta.url);

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

/**
 * The browser: the Chromium at CHROMIUM_PATH (CI and machines that provide one), else
 * Playwright's. Flags keep a headless Chromium off the network and quiet.
 */
export function launchBrowser() {
  return chromium.launch({
    ...(process.env.CHROMIUM_PATH ? { executablePath: process.env.CHROMIUM_PATH } : {}),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The axe rules' outcome on one page, kept as evidence for the conformance report. */
export interface PageEvidence {
  page: string;
  path: string;
  violations: { id: string; impact: string | null; tags: string[]; targets: string[] }[];
  passes: { id: string; tags: string[] }[];
  incomplete: { id: string; tags: string[] }[];
  inapplicable: { id: string; tags: string[] }[];
}

/** A keyboard-only flow and whether it completed. */
export interface KeyboardEvidence {
  flow: string;
  steps: string[];
  passed: boolean;
}

/** Writes the evidence `npm run compliance` reads (test-results/accessibility.json). */
export function writeEvidence(pages: PageEvidence[], keyboard: KeyboardEvidence[]): void {
  mkdirSync('test-results', { recursive: true });
  const axe = require('axe-core/package.json') as { version: string };
  writeFileSync(
    'test-results/accessibility.json',
    `${JSON.stringify(
      { generatedAt: new Date().toISOString(), axeVersion: axe.version, pages, keyboard },
      null,
      2,
    )}\n`,
  );
}
