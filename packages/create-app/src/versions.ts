import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `@cityofboston/*` versions released together with this `create-app`, by package name.
 * The build writes them to `dist/versions.json` from the workspace, so a generated app depends
 * on the published versions it was tested with. Run from source in the workspace (tests), they
 * are read from the sibling packages.
 */
export function sdkVersions(): Record<string, string> {
  const built = fileURLToPath(new URL('./versions.json', import.meta.url));
  if (existsSync(built)) return JSON.parse(readFileSync(built, 'utf8')) as Record<string, string>;
  const packages = fileURLToPath(new URL('../../', import.meta.url));
  const versions: Record<string, string> = {};
  for (const dir of existsSync(packages) ? readdirSync(packages) : []) {
    const file = join(packages, dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
      name?: string;
      version?: string;
      private?: boolean;
    };
    if (pkg.name?.startsWith('@cityofboston/') && !pkg.private && pkg.version) {
      versions[pkg.name] = pkg.version;
    }
  }
  if (!versions['@cityofboston/ui']) {
    throw new Error('create-app: versions.json is missing; run the build first');
  }
  return versions;
}
