#!/usr/bin/env node
// Links the workspace packages' commands (city-schema, city-audit, city-dev-idp, create-app)
// into node_modules/.bin after the build, so `npx city-schema` works in a fresh clone. npm links
// a workspace's `bin` at install time only when its file exists, and ours are built into dist/,
// which a fresh clone does not have yet. `npm rebuild --ignore-scripts <names>` runs npm's own
// bin linking again for those packages, and nothing else. Runs as `postbuild` of `npm run build`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const withBins = [];
for (const dir of readdirSync(join(root, 'packages'))) {
  const file = join(root, 'packages', dir, 'package.json');
  if (!existsSync(file)) continue;
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  const bins =
    typeof pkg.bin === 'string' ? { [pkg.name.split('/')[1]]: pkg.bin } : (pkg.bin ?? {});
  const missing = Object.values(bins).filter(
    (path) => !existsSync(join(root, 'packages', dir, path)),
  );
  if (missing.length) {
    console.error(`${pkg.name}: ${missing.join(', ')} not built; run npm run build first`);
    process.exit(1);
  }
  if (Object.keys(bins).length) withBins.push({ name: pkg.name, bins: Object.keys(bins) });
}
execFileSync(
  'npm',
  [
    'rebuild',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    ...withBins.map((p) => p.name),
  ],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const linked = withBins.flatMap((p) => p.bins);
const absent = linked.filter((bin) => !existsSync(join(root, 'node_modules', '.bin', bin)));
if (absent.length) {
  console.error(`not linked: ${absent.join(', ')}`);
  process.exit(1);
}
console.log(`linked: ${linked.map((b) => `npx ${b}`).join(', ')}`);
