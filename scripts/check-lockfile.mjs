#!/usr/bin/env node
// The lockfile check: `npm ci` must install the same tree on every platform department
// developers use, and `npm install` must not change package-lock.json.
//   node scripts/check-lockfile.mjs                 both checks (needs the registry)
//   node scripts/check-lockfile.mjs --coverage-only the platform coverage only (offline)
//   node scripts/check-lockfile.mjs --lockfile <f>  check another lockfile's coverage
// 1. Platform coverage: every optional dependency a locked package declares (the platform
//    binaries of Biome, Rollup, esbuild and the like) has its own lock entry, and the binaries of
//    Biome, Rollup and esbuild for macOS arm64 and x64, Windows x64, Linux glibc and musl are
//    there by name. npm records every platform's entry when it writes a lockfile from scratch,
//    but writing over an existing node_modules can drop the ones this machine does not use.
// 2. Stability: a copy of the manifests and the lockfile, resolved again with
//    `npm install --package-lock-only`, gives back the same lockfile.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const lockArg = args.indexOf('--lockfile');
const lockfile = lockArg >= 0 ? resolve(args[lockArg + 1] ?? '') : join(root, 'package-lock.json');
const coverageOnly = args.includes('--coverage-only') || lockArg >= 0;

/** The platforms department developers use, and each tool's binary package for them. */
export const REQUIRED_BINARIES = {
  'macOS arm64': [
    '@biomejs/cli-darwin-arm64',
    '@rollup/rollup-darwin-arm64',
    '@esbuild/darwin-arm64',
  ],
  'macOS x64': ['@biomejs/cli-darwin-x64', '@rollup/rollup-darwin-x64', '@esbuild/darwin-x64'],
  'Windows x64': ['@biomejs/cli-win32-x64', '@rollup/rollup-win32-x64-msvc', '@esbuild/win32-x64'],
  'Linux x64 glibc': [
    '@biomejs/cli-linux-x64',
    '@rollup/rollup-linux-x64-gnu',
    '@esbuild/linux-x64',
  ],
  'Linux x64 musl': [
    '@biomejs/cli-linux-x64-musl',
    '@rollup/rollup-linux-x64-musl',
    '@esbuild/linux-x64',
  ],
};

/** Where node would find `name` from the package at `from` (a lockfile key). */
function locate(packages, from, name) {
  let dir = from;
  for (;;) {
    const key = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[key]) return key;
    if (!dir) return undefined;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up >= 0 ? dir.slice(0, up) : '';
  }
}

/** Problems with the lockfile's platform coverage; empty when every platform is covered. */
export function coverageProblems(lock) {
  const packages = lock.packages ?? {};
  const problems = [];
  for (const [key, entry] of Object.entries(packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      if (!locate(packages, key, name)) {
        problems.push(`${key || '(root)'}: optional dependency ${name} has no lock entry`);
      }
    }
  }
  const names = new Set(Object.keys(packages).map((k) => k.split('node_modules/').pop()));
  for (const [platform, binaries] of Object.entries(REQUIRED_BINARIES)) {
    for (const binary of binaries) {
      if (!names.has(binary)) problems.push(`${platform}: ${binary} is not locked`);
    }
  }
  return problems;
}

const lock = JSON.parse(readFileSync(lockfile, 'utf8'));
let failed = false;
const coverage = coverageProblems(lock);
if (coverage.length) {
  failed = true;
  console.error(
    `lockfile: platform coverage, ${coverage.length} problem(s):\n  ${coverage.slice(0, 40).join('\n  ')}${coverage.length > 40 ? `\n  … and ${coverage.length - 40} more` : ''}`,
  );
} else {
  console.log(
    `lockfile: every optional platform binary is locked (${Object.keys(REQUIRED_BINARIES).join(', ')})`,
  );
}

if (!coverageOnly) {
  const work = mkdtempSync(join(tmpdir(), 'city-lockfile-'));
  try {
    cpSync(join(root, 'package.json'), join(work, 'package.json'));
    cpSync(lockfile, join(work, 'package-lock.json'));
    if (existsSync(join(root, '.npmrc'))) cpSync(join(root, '.npmrc'), join(work, '.npmrc'));
    // Every workspace's manifest, at its place (the lockfile lists workspaces by path).
    for (const key of Object.keys(lock.packages ?? {})) {
      if (key && !key.includes('node_modules/') && existsSync(join(root, key, 'package.json'))) {
        mkdirSync(join(work, key), { recursive: true });
        cpSync(join(root, key, 'package.json'), join(work, key, 'package.json'));
      }
    }
    execFileSync(
      'npm',
      [
        'install',
        '--package-lock-only',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
      ],
      { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 },
    );
    const before = readFileSync(lockfile, 'utf8');
    const after = readFileSync(join(work, 'package-lock.json'), 'utf8');
    if (before !== after) {
      failed = true;
      const a = before.split('\n');
      const b = after.split('\n');
      console.error(
        `lockfile: \`npm install\` would change package-lock.json (${a.length} lines now, ${b.length} after). Regenerate it: see docs/TOOLCHAIN.md, "The lockfile".`,
      );
    } else {
      console.log('lockfile: `npm install` leaves package-lock.json unchanged');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
process.exitCode = failed ? 1 : 0;
