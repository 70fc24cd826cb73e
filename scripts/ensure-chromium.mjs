#!/usr/bin/env node
// Provisions the Chromium the browser tests use, and says what it did. It prints the browser's
// path as the last line of stdout (for `CHROMIUM_PATH=$(node scripts/ensure-chromium.mjs)`);
// everything else goes to stderr.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

const say = (message) => process.stderr.write(`[chromium] ${message}\n`);

function run(command, args) {
  say(`running: ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
}

function install() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    say("no Chromium found; installing Debian's chromium package with apt-get");
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium']);
    return;
  }
  say(
    "no Chromium found and apt-get is not usable here; installing Playwright's Chromium download",
  );
  run('npx', ['--no-install', 'playwright', 'install', 'chromium']);
}

let path;
try {
  path = findChromium();
} catch (error) {
  say(error.message);
  process.exit(1);
}
if (path) {
  say(`found ${path}${process.env.CHROMIUM_PATH ? ' (from CHROMIUM_PATH)' : ''}`);
} else {
  install();
  path = findChromium();
  if (!path) {
    say(
      'the install finished but no Chromium can be found; set CHROMIUM_PATH to a Chromium binary',
    );
    process.exit(1);
  }
  say(`installed ${path}`);
}
try {
  const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  say(version);
} catch (error) {
  say(`${path} does not run: ${error.message}`);
  process.exit(1);
}
process.stdout.write(`${path}\n`);
