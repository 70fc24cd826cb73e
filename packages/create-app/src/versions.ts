import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The `@cityofboston/*` versions released together with this `create-app`, by package name.
 * The build writes them to `dist/versions.json` from the workspace, so a generated app depends
 * on the published versions it was tested with.
 */
export function sdkVersions(): Record<string, string> {
  for (const candidate of ['./versions.json', '../dist/versions.json']) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  }
  throw new Error('create-app: versions.json is missing; run the build first');
}
