import { AuthError } from '../authError';

/** A base no app uses: a path that resolves against it and stays on it is origin-relative. */
const PROBE = 'https://return-path.invalid';

/**
 * Returns a same-origin path (`/cases/42?tab=notes`) for `path`, and otherwise throws
 * `unsafe_return_path`, or returns `fallback` when one is given. The input is first normalized
 * as a browser would (WHATWG URL parsing against `origin`: dot segments, percent-encoding), and
 * the normalized result is what is checked and returned, so `/.//evil.example` (which normalizes
 * to the protocol-relative `//evil.example`) is refused. Refused as well: absolute URLs
 * (`https://evil`), protocol-relative ones (`//evil`), backslashes (`/\evil`), `javascript:`,
 * control characters and paths over 2,048 characters.
 *
 * @example
 * ```ts
 * safeReturnPath('/cases/42', 'https://casedesk.boston.gov'); // '/cases/42'
 * safeReturnPath('/a/../cases', 'https://casedesk.boston.gov'); // '/cases'
 * safeReturnPath('//evil.example', 'https://casedesk.boston.gov'); // throws
 * safeReturnPath('/.//evil.example', 'https://casedesk.boston.gov', '/'); // '/'
 * ```
 */
export function safeReturnPath(path: string, origin: string, fallback?: string): string {
  const reject = (why: string): never => {
    throw new AuthError(
      'unsafe_return_path',
      `The return path ${JSON.stringify(String(path).slice(0, 200))} was refused: ${why}. Only same-origin paths starting with one "/" are allowed.`,
    );
  };
  try {
    return check(path, origin, reject);
  } catch (error) {
    if (fallback !== undefined && error instanceof AuthError) return fallback;
    throw error;
  }
}

function check(path: string, origin: string, reject: (why: string) => never): string {
  if (typeof path !== 'string' || path.length === 0) return reject('it is empty');
  if (path.length > 2048) return reject('it is too long');
  const unsafe = unsafeSyntax(path);
  if (unsafe) return reject(unsafe);
  let resolved: URL;
  let appOrigin: string;
  try {
    appOrigin = new URL(origin).origin;
    resolved = new URL(path, origin);
  } catch {
    return reject('it does not parse');
  }
  if (resolved.origin !== appOrigin) return reject("it leaves the app's origin");
  // The normalized form is what the browser will be sent to: check it again, in full.
  const normalized = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  const after = unsafeSyntax(normalized);
  if (after)
    return reject(`once normalized (${JSON.stringify(normalized.slice(0, 200))}) ${after}`);
  let probe: URL;
  try {
    probe = new URL(normalized, PROBE);
  } catch {
    return reject('once normalized it does not parse');
  }
  if (probe.origin !== PROBE) return reject('once normalized it names another origin');
  return normalized;
}

/** Why `path` is not a plain origin-relative path, or undefined when it is. */
function unsafeSyntax(path: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'it contains control characters';
  if (path.includes('\\')) return 'it contains a backslash';
  if (!path.startsWith('/')) return 'it does not start with "/"';
  if (path.startsWith('//')) return 'it is protocol-relative';
  return undefined;
}
