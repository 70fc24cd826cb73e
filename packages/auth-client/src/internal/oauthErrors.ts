import * as oauth from 'oauth4webapi';
import { AuthError, type AuthErrorCode } from '../authError';

/** Maps an oauth4webapi error to the package's specific codes. */
export function fromOAuthError(error: unknown, what: string): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof oauth.ResponseBodyError) {
    if (error.error === 'invalid_grant') {
      return new AuthError(
        'code_rejected',
        `${what}: the IdP refused the grant (invalid_grant: ${error.error_description ?? 'no description'}). A replayed or expired code, or a wrong PKCE verifier.`,
        { cause: error },
      );
    }
    return new AuthError('provider_error', `${what}: the IdP answered ${error.error}.`, {
      cause: error,
    });
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    return new AuthError(
      'provider_error',
      `${what}: the IdP answered ${error.error}${error.error_description ? ` (${error.error_description})` : ''}.`,
      { cause: error },
    );
  }
  if (error instanceof oauth.UnsupportedOperationError) {
    return new AuthError('alg_not_allowed', `${what}: ${error.message}.`, { cause: error });
  }
  if (error instanceof oauth.OperationProcessingError) {
    const m = error.message;
    const pick = (code: AuthErrorCode) => new AuthError(code, `${what}: ${m}.`, { cause: error });
    if (m.includes('"nonce"')) return pick('nonce_mismatch');
    // A missing iss is an issuer mismatch, as in verifyAccessToken.
    if (m.includes('"iss"')) return pick('issuer_mismatch');
    if (m.includes('claim missing')) return pick('claim_missing');
    if (m.includes('"azp"') || m.includes('untrusted audiences')) return pick('azp_missing');
    if (m.includes('"aud"')) return pick('audience_mismatch');
    if (m.includes('"alg"')) return pick('alg_not_allowed');
    if (m.includes('"exp"')) return pick('token_expired');
    if (m.includes('"nbf"') || m.includes('"iat"')) return pick('token_not_yet_valid');
    if (m.includes('"auth_time"')) return pick('step_up_required');
    if (m.includes('missing')) return pick('claim_missing');
    return pick('provider_error');
  }
  return new AuthError('provider_error', `${what}: ${(error as Error)?.message ?? error}`, {
    cause: error,
  });
}
