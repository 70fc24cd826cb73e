import * as oauth from 'oauth4webapi';
import { AuthError } from '../authError';

/** Whether an issuer runs on this machine, where plain http is tolerated (dev IdP, tests). */
export function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/** oauth4webapi options: plain http only for a loopback issuer. */
export function httpOptions(issuer: URL, fetchImpl?: typeof fetch) {
  return {
    ...(isLoopback(issuer) ? { [oauth.allowInsecureRequests]: true } : {}),
    ...(fetchImpl ? { [oauth.customFetch]: fetchImpl as never } : {}),
  };
}

const cache = new Map<string, Promise<oauth.AuthorizationServer>>();

/** Fetches and validates OpenID discovery once per issuer; a failure is not cached. */
export function discover(
  issuer: string,
  fetchImpl?: typeof fetch,
): Promise<oauth.AuthorizationServer> {
  const key = issuer;
  let pending = fetchImpl ? undefined : cache.get(key);
  if (!pending) {
    const url = new URL(issuer);
    if (url.protocol !== 'https:' && !isLoopback(url)) {
      throw new AuthError(
        'invalid_configuration',
        `issuer ${issuer} must use https (plain http is allowed only on 127.0.0.1/localhost).`,
      );
    }
    pending = (async () => {
      try {
        const response = await oauth.discoveryRequest(url, {
          algorithm: 'oidc',
          ...httpOptions(url, fetchImpl),
        });
        return await oauth.processDiscoveryResponse(url, response);
      } catch (cause) {
        throw new AuthError(
          'invalid_configuration',
          `OpenID discovery for issuer ${issuer} failed: ${(cause as Error)?.message ?? cause}`,
          { cause },
        );
      }
    })();
    if (!fetchImpl) {
      cache.set(key, pending);
      pending.catch(() => cache.delete(key));
    }
  }
  return pending;
}
