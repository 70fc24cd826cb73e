// GET {basePath}/login: starts an authorization code flow with PKCE (S256), state and nonce,
// sealed into a short-lived login cookie bound to this browser.
import * as oauth from 'oauth4webapi';
import { AuthError } from '../../authError';
import { safeReturnPath } from '../safeReturnPath';
import { type BffContext, TX_TTL } from './context';
import { setCookie } from './cookies';
import { failure } from './failure';

// `?uiLocales=es` (the app's language) becomes OpenID Connect `ui_locales` (Core 1.0 §3.1.2.1:
// space-separated BCP 47 tags in order of preference), so the IdP's pages speak it too. Tokens
// that are not language tags are dropped; it is a preference, not a requirement.
function languagePreferences(value: string | null): string | undefined {
  if (!value) return undefined;
  const tags = value
    .split(/[\s,]+/)
    .filter((tag) => /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag))
    .slice(0, 10);
  return tags.length > 0 ? tags.join(' ') : undefined;
}

export async function login(ctx: BffContext, request: Request): Promise<Response> {
  try {
    const url = new URL(request.url);
    const returnTo = safeReturnPath(url.searchParams.get('returnTo') ?? '/', ctx.origin);
    const { as } = await ctx.metadata();
    const methods = as.code_challenge_methods_supported;
    if (Array.isArray(methods) && !methods.includes('S256')) {
      throw new AuthError(
        'pkce_unsupported',
        `The IdP ${as.issuer} does not support PKCE with S256 (it lists ${methods.join(', ') || 'nothing'}).`,
      );
    }
    if (!as.authorization_endpoint) {
      throw new AuthError(
        'invalid_configuration',
        `The IdP ${as.issuer} publishes no authorization_endpoint.`,
      );
    }
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const verifier = oauth.generateRandomCodeVerifier();
    const challenge = await oauth.calculatePKCECodeChallenge(verifier);
    const acr = url.searchParams.get('acr');
    const maxAgeParam = url.searchParams.get('maxAge');
    const maxAge =
      maxAgeParam !== null && /^\d+$/.test(maxAgeParam) ? Number(maxAgeParam) : undefined;
    const uiLocales = languagePreferences(url.searchParams.get('uiLocales'));
    const target = new URL(as.authorization_endpoint);
    const params: Record<string, string> = {
      ...ctx.options.authorizationParams,
      client_id: ctx.options.clientId,
      redirect_uri: ctx.redirectUri,
      response_type: 'code',
      scope: ctx.scope,
      state,
      nonce,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...(acr ? { acr_values: acr } : {}),
      ...(uiLocales ? { ui_locales: uiLocales } : {}),
      ...(maxAge !== undefined ? { max_age: String(maxAge) } : {}),
      ...(acr || maxAge !== undefined || url.searchParams.get('prompt') === 'login'
        ? { prompt: 'login' }
        : {}),
    };
    for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
    const sealed = await (await ctx.sealer()).seal(
      { state, nonce, verifier, returnTo, ...(maxAge !== undefined ? { maxAge } : {}) },
      'login',
      TX_TTL,
    );
    const headers = new Headers({ location: target.href, 'cache-control': 'no-store' });
    headers.append('set-cookie', setCookie(ctx, ctx.txCookie, sealed, TX_TTL));
    return new Response(null, { status: 302, headers });
  } catch (error) {
    return failure(ctx, error);
  }
}
