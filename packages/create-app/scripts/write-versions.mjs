// Writes dist/versions.json: the version of every public @cityofboston package in this release,
// read after `changeset version`, so the apps create-app writes depend on what was published with it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const packages = join(import.meta.dirname, '..', '..');
const versions = {};
for (const dir of readdirSync(packages)) {
  const file = join(packages, dir, 'package.json');
  if (!existsSync(file)) continue;
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  if (!pkg.private && pkg.name.startsWith('@cityofboston/')) versions[pkg.name] = pkg.version;
}
writeFileSync(
  join(import.meta.dirname, '..', 'dist', 'versions.json'),
  `${JSON.stringify(versions, null, 2)}\n`,
);
