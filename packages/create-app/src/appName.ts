import validate from 'validate-npm-package-name';
import { CreateAppError } from './errors';

/**
 * Checks that `name` can be the generated app's npm package name (npm's own rules, through
 * validate-npm-package-name: lower case, URL-safe, no leading dot or underscore, at most 214
 * characters). Returns the problems as sentences; empty when the name is fine.
 */
export function appNameProblems(name: string): string[] {
  const result = validate(name);
  if (result.validForNewPackages) return [];
  return [...(result.errors ?? []), ...(result.warnings ?? [])];
}

/** Throws `invalid_name` with every problem of `name` and an example that works. */
export function assertAppName(name: string): void {
  const problems = appNameProblems(name);
  if (problems.length === 0) return;
  throw new CreateAppError(
    'invalid_name',
    `"${name}" cannot be the app's name: ${problems.join('; ')}. Use lower-case letters, digits and hyphens, e.g. "permit-tracker".`,
  );
}

/** A title for people from a package name: `permit-tracker` becomes `Permit Tracker`. */
export function titleFromName(name: string): string {
  const bare = name.replace(/^@[^/]+\//, '');
  return bare
    .split(/[-_.]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}
