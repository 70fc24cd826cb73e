// GET {basePath}/callback: the end of sign-in. In order: the browser's login transaction, the
// state, RFC 9207 iss, one use per transaction, the authorization response, the code exchange
// (PKCE verifier, nonce, max_age checked by oauth4webapi), the ID token's signature against the
// provider's keys and the allow-list, then the session.
import { type JWTPayload, jwtVerify } from 'jose';
import * as oauth from 'oauth4webapi';
import { AuthError } from '../../authError';
import { fromJoseError } from '../../internal/joseErrors';
import { fromOAuthError } from '../../internal/oauthErrors';
import { principalFromClaims } from '../../principalFromClaims';
import type { BffSession } from '../createBff.types';
import { actorOf, type BffContext, TX_TTL } from './context';
import { clearCookie, parseCookies } from './cookies';
import { failure } from './failure';
import { writeSession } from './sessionCookie';

export async function callback(ctx: BffContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const clear = new Headers({ 'cache-control': 'no-store' });
  clear.append('set-cookie', clearCookie(ctx, ctx.txCookie));
  try {
    const raw = parseCookies(request.headers.get('cookie')).get(ctx.txCookie);
    if (!raw) {
      throw new AuthError(
        'login_transaction_missing',
        "The callback arrived without this browser's login cookie: start at the login route, in the same browser, within 10 minutes.",
      );
    }
    let tx: JWTPayload;
    try {
      tx = await (await ctx.sealer()).unseal(raw, 'login');
    } catch (cause) {
      throw new AuthError(
        'login_transaction_missing',
        'The login cookie does not decrypt (tampered with or expired).',
        { cause },
      );
    }
    const { as, jwks: keys, idTokenAlgorithms } = await ctx.metadata();
    const state = url.searchParams.get('state');
    if (state !== tx.state) {
      throw new AuthError(
        'state_mismatch',
        "The callback's state does not match the login this browser started (a forged or crossed callback).",
      );
    }
    const iss = url.searchParams.get('iss');
    if (
      iss !== null ? iss !== as.issuer : as.authorization_response_iss_parameter_supported === true
    ) {
      throw new AuthError(
        'issuer_mix_up',
        `The callback's iss (${iss ?? 'absent'}) is not ${as.issuer}: the response came from another provider (RFC 9207 mix-up).`,
      );
    }
    if (!(await ctx.store.setIfAbsent(`used-login:${String(tx.state)}`, true, TX_TTL))) {
      throw new AuthError(
        'state_reused',
        'This login transaction was already completed; a replayed callback is refused.',
      );
    }
    let params: URLSearchParams;
    try {
      params = oauth.validateAuthResponse(as, ctx.client, url, String(tx.state));
    } catch (error) {
      throw fromOAuthError(error, 'The authorization response');
    }
    let tokens: oauth.TokenEndpointResponse;
    try {
      const response = await oauth.authorizationCodeGrantRequest(
        as,
        ctx.client,
        ctx.clientAuth,
        params,
        ctx.redirectUri,
        String(tx.verifier),
        ctx.http,
      );
      tokens = await oauth.processAuthorizationCodeResponse(as, ctx.client, response, {
        expectedNonce: String(tx.nonce),
        requireIdToken: true,
        ...(typeof tx.maxAge === 'number' ? { maxAge: tx.maxAge } : {}),
      });
    } catch (error) {
      throw fromOAuthError(error, 'The token response');
    }
    // oauth4webapi checks the ID token's claims; the signature is checked here too, against
    // the IdP's keys and the algorithm allow-list (defence in depth on a TLS channel).
    let idClaims: JWTPayload;
    try {
      ({ payload: idClaims } = await jwtVerify(tokens.id_token ?? '', keys, {
        issuer: as.issuer,
        audience: ctx.options.clientId,
        algorithms: idTokenAlgorithms,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      throw fromJoseError(error, 'The ID token');
    }
    if (idClaims.nonce !== tx.nonce) {
      throw new AuthError('nonce_mismatch', "The ID token's nonce is not the one this login sent.");
    }
    const principal = principalFromClaims(idClaims, ctx.options.claimMapping);
    const now = Date.now();
    const session: BffSession = {
      id: oauth.generateRandomState(),
      principal,
      ...(typeof idClaims.sid === 'string' ? { idpSid: idClaims.sid } : {}),
      accessToken: tokens.access_token,
      accessTokenExpiresAt: Math.floor(now / 1000) + (tokens.expires_in ?? 300),
      ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
      idToken: tokens.id_token ?? '',
      createdAt: now,
      lastSeenAt: now,
    };
    await writeSession(ctx, session, clear);
    clear.set('location', `${ctx.origin}${String(tx.returnTo ?? '/')}`);
    ctx.emit(
      {
        actor: actorOf(principal),
        action: 'auth.login',
        outcome: 'success',
        details: { acr: principal.auth?.acr },
      },
      request,
    );
    return new Response(null, { status: 303, headers: clear });
  } catch (error) {
    const e = error instanceof AuthError ? error : fromOAuthError(error, 'Sign-in');
    ctx.emit(
      {
        actor: { type: 'user', id: 'anonymous' },
        action: 'auth.login',
        outcome: 'failure',
        reason: e.code,
      },
      request,
    );
    return failure(ctx, e, clear);
  }
}
