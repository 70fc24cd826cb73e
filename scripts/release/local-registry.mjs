#!/usr/bin/env node
// A local npm registry with this checkout's packages published, for trying `npm create
// @cityofboston/app` (or any package) exactly as a department would, offline from the public
// registry for our scope. Build first (`npx turbo run build`), then:
//   node scripts/release/local-registry.mjs
//   npm_config_userconfig=<the .npmrc it prints> npm create @cityofboston/app@latest my-tool
// Stops with Ctrl-C and deletes its storage.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startRegistry } from './registry.mjs';

const root = resolve(import.meta.dirname, '..', '..');

/** Publishes every public package of this checkout to `registry` (its dist must exist). */
export function publishAll(registry) {
  const published = [];
  for (const dir of readdirSync(join(root, 'packages')).map((d) => join(root, 'packages', d))) {
    if (!existsSync(join(dir, 'package.json'))) continue;
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (pkg.private) continue;
    if (!existsSync(join(dir, 'dist'))) throw new Error(`${pkg.name} is not built (no dist/)`);
    execFileSync('npm', ['publish', '--no-git-checks', '--ignore-scripts', '--tag', 'latest'], {
      cwd: dir,
      env: { ...process.env, ...registry.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    published.push(`${pkg.name}@${pkg.version}`);
  }
  return published;
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  const dir = mkdtempSync(join(tmpdir(), 'city-registry-'));
  const registry = await startRegistry(dir);
  console.log(`Verdaccio at ${registry.url}`);
  console.log(`published: ${publishAll(registry).join(', ')}`);
  console.log(
    `\nnpm_config_userconfig=${registry.npmrc} npm create @cityofboston/app@latest my-tool`,
  );
  const stop = async () => {
    await registry.stop();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
