import { AuthError } from '../authError';

/**
 * Returns `path` when it is a same-origin path (`/cases/42?tab=notes`), and throws
 * `unsafe_return_path` otherwise: absolute URLs (`https://evil`), protocol-relative ones
 * (`//evil`), backslash tricks (`/\evil`), `javascript:` and anything with control characters.
 * The check is done twice, syntactically and by resolving against the app's origin.
 *
 * @example
 * ```ts
 * safeReturnPath('/cases/42', 'https://casedesk.boston.gov'); // '/cases/42'
 * safeReturnPath('//evil.example', 'https://casedesk.boston.gov'); // throws
 * ```
 */
export function safeReturnPath(path: string, origin: string): string {
  const reject = (why: string): never => {
    throw new AuthError(
      'unsafe_return_path',
      `The return path ${JSON.stringify(path.slice(0, 200))} was refused: ${why}. Only same-origin paths starting with one "/" are allowed.`,
    );
  };
  if (typeof path !== 'string' || path.length === 0) return reject('it is empty');
  if (path.length > 2048) return reject('it is too long');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(path)) return reject('it contains control characters');
  if (path.includes('\\')) return reject('it contains a backslash');
  if (!path.startsWith('/')) return reject('it does not start with "/"');
  if (path.startsWith('//')) return reject('it is protocol-relative');
  let resolved: URL;
  try {
    resolved = new URL(path, origin);
  } catch {
    return reject('it does not parse');
  }
  if (resolved.origin !== new URL(origin).origin) return reject("it leaves the app's origin");
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
