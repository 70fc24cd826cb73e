// Finding the Chromium that browser tests drive. Tests call findChromium() and never download a
// browser; scripts/ensure-chromium.mjs is the one place that may install one, and says so.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Flags for headless Chromium on a closed network: without the networking ones it floods the
 * machine with refused connections to Google's services.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const USUAL_PLACES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

function playwrightCacheBrowsers() {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => name.startsWith('chromium-'))
    .sort()
    .reverse()
    .flatMap((name) => [
      join(root, name, 'chrome-linux', 'chrome'),
      join(root, name, 'chrome-linux64', 'chrome'),
      join(root, name, 'chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'),
    ]);
}

/**
 * The path of a Chromium to drive, or `undefined` when there is none. `CHROMIUM_PATH` wins when
 * set; a set but missing path is an error rather than a silent fallback.
 * @returns {string | undefined}
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    }
    return fromEnv;
  }
  return [...USUAL_PLACES, ...playwrightCacheBrowsers()].find((path) => existsSync(path));
}

/**
 * Like findChromium, but throws an error that says how to get a browser.
 * @returns {string}
 */
export function requireChromium() {
  const path = findChromium();
  if (!path) {
    throw new Error(
      'No Chromium found for the browser tests. Run `npm run browser` to install one, or set CHROMIUM_PATH.',
    );
  }
  return path;
}
