#!/usr/bin/env node
// Runs the server-side packages' test suites on the current Node.js LTS as well as on the
// machine's Node. The LTS binary comes from the npm registry (`node-<platform>-<arch>`, the package
// the `node` package installs), into a cache folder, and is found by the release schedule: the
// newest even major whose first release is at least six months old (even majors enter LTS in
// October, six months after their April release).
//
//   node scripts/node-lts.mjs [--version 26.10.0]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const platformPackage = `node-${process.platform}-${process.arch}`;
// The packages whose entry points run on servers: their whole suites run on the LTS.
const PACKAGES = ['standards-schema', 'auth-client', 'audit-log'];

function npmJson(args) {
  return JSON.parse(
    execFileSync('npm', [...args, '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  );
}

function currentLts(now = new Date()) {
  const times = npmJson(['view', platformPackage, 'time']);
  const firstRelease = {};
  for (const [version, date] of Object.entries(times)) {
    const m = version.match(/^(\d+)\.(\d+)\.(\d+)$/);
    if (!m) continue;
    const major = Number(m[1]);
    if (major % 2 !== 0) continue;
    const when = new Date(date);
    if (!firstRelease[major] || when < firstRelease[major]) firstRelease[major] = when;
  }
  const sixMonths = 182 * 24 * 3600 * 1000;
  const lts = Object.keys(firstRelease)
    .map(Number)
    .filter((major) => now.getTime() - firstRelease[major].getTime() >= sixMonths)
    .sort((a, b) => b - a)[0];
  if (!lts) throw new Error(`cannot tell the current LTS from ${platformPackage}'s release dates`);
  const versions = npmJson(['view', `${platformPackage}@${lts}`, 'version']);
  const list = Array.isArray(versions) ? versions : [versions];
  const key = (v) =>
    v
      .split('.')
      .map((n) => n.padStart(6, '0'))
      .join('.');
  return list
    .filter((v) => /^\d+\.\d+\.\d+$/.test(v))
    .sort((a, b) => (key(a) < key(b) ? -1 : 1))
    .at(-1);
}

const flag = process.argv.indexOf('--version');
const version = flag >= 0 ? process.argv[flag + 1] : currentLts();
const cache = join(root, 'node_modules', '.cache', 'node-lts', version);
const binary = join(cache, 'node_modules', platformPackage, 'bin', 'node');
if (!existsSync(binary)) {
  console.log(`[node-lts] fetching ${platformPackage}@${version} from the npm registry`);
  mkdirSync(cache, { recursive: true });
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      cache,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      `${platformPackage}@${version}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}
const reported = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
console.log(
  `[node-lts] Node ${reported} (LTS) from ${platformPackage}; the machine runs ${process.version}`,
);

const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
let failed = 0;
for (const name of PACKAGES) {
  console.log(`[node-lts] ${name}: vitest run on Node ${reported}`);
  try {
    execFileSync(binary, [vitest, 'run', '--reporter=dot'], {
      cwd: join(root, 'packages', name),
      stdio: 'inherit',
      env: { ...process.env, PATH: `${join(binary, '..')}:${process.env.PATH}` },
    });
  } catch {
    failed++;
    console.error(`[node-lts] ${name}: tests FAILED on Node ${reported}`);
  }
}
if (failed > 0) process.exit(1);
console.log(`[node-lts] ${PACKAGES.join(', ')} pass on Node ${reported}`);
