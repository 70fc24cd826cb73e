#!/usr/bin/env node
// Packs the package in the current folder as `npm publish` would, then lints the tarball with
// publint and @arethetypeswrong/cli. The tarball stays in .pack/ for the consumer check
// (scripts/check-consumer.mjs), which installs it into a project outside the workspace.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const cwd = process.cwd();
const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
const packDir = join(cwd, '.pack');
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir);

const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }),
);
const tarball = join(packDir, packed.filename);
console.log(`${pkg.name}: packed ${packed.entryCount} files, ${packed.size} bytes`);

let failed = false;

const bytes = readFileSync(tarball);
const { messages } = await publint({
  pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
  level: 'suggestion',
  strict: true,
});
for (const message of messages) {
  console.log(`publint ${message.type}: ${formatMessage(message, pkg) ?? message.code}`);
}
if (messages.length > 0) failed = true;

const require = createRequire(import.meta.url);
const attw = resolve(
  require.resolve('@arethetypeswrong/cli/package.json'),
  '..',
  'dist',
  'index.js',
);
// Stylesheets and JSON files have no types to check; the consumer check resolves them instead.
const assets = Object.keys(pkg.exports ?? {}).filter((subpath) => /\.(css|json)$/.test(subpath));
const exclude = assets.length > 0 ? ['--exclude-entrypoints', ...assets] : [];
try {
  // node16 profile: every entry point must resolve under node16 (CJS and ESM) and bundler.
  // node10 cannot see subpath exports at all, so it is not a target.
  execFileSync(process.execPath, [attw, tarball, '--profile', 'node16', ...exclude], {
    stdio: 'inherit',
  });
} catch {
  failed = true;
}

if (failed) {
  console.error(
    `${pkg.name}: packaging problems above; the package would reach department apps broken.`,
  );
  process.exit(1);
}
console.log(`${pkg.name}: publint and attw found no problem`);
