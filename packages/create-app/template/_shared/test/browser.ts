import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { chromium } from 'playwright';
import { EVIDENCE_FILE, type Evidence } from '../compliance/evidence';

const require = createRequire(import.meta.url);

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
export type PageEvidence = Evidence['pages'][number];

/** A keyboard-only flow and whether it completed. */
export type KeyboardEvidence = Evidence['keyboard'][number];

/** Writes the evidence `npm run compliance` reads (the same file `readEvidence` opens). */
export function writeEvidence(pages: PageEvidence[], keyboard: KeyboardEvidence[]): void {
  mkdirSync(dirname(EVIDENCE_FILE), { recursive: true });
  const axe = require('axe-core/package.json') as { version: string };
  const evidence: Evidence = {
    generatedAt: new Date().toISOString(),
    axeVersion: axe.version,
    pages,
    keyboard,
  };
  writeFileSync(EVIDENCE_FILE, `${JSON.stringify(evidence, null, 2)}\n`);
}
