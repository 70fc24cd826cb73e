import { errors } from 'jose';
import { AuthError } from '../authError';

/** Maps a jose verification error to the package's specific codes. */
export function fromJoseError(error: unknown, what: string): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired) {
    return new AuthError('token_expired', `${what} has expired (exp is in the past).`, {
      cause: error,
    });
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = error.claim;
    const missing = error.reason === 'missing';
    if (claim === 'iss') {
      return new AuthError(
        'issuer_mismatch',
        `${what}: iss is ${missing ? 'missing' : 'not the expected issuer'}.`,
        { cause: error },
      );
    }
    if (claim === 'aud') {
      return new AuthError(
        'audience_mismatch',
        `${what}: aud is ${missing ? 'missing' : 'not the expected audience'}.`,
        { cause: error },
      );
    }
    if (claim === 'typ') {
      return new AuthError('typ_invalid', `${what}: the typ header is not as required.`, {
        cause: error,
      });
    }
    if (missing) {
      return new AuthError('claim_missing', `${what}: the required claim "${claim}" is missing.`, {
        cause: error,
      });
    }
    if (claim === 'nbf' || claim === 'iat') {
      return new AuthError('token_not_yet_valid', `${what} is not valid yet (${claim}).`, {
        cause: error,
      });
    }
    return new AuthError('claims_invalid', `${what}: claim "${claim}" is invalid.`, {
      cause: error,
    });
  }
  if (
    error instanceof errors.JOSENotSupported &&
    /Extension Header Parameter/.test(error.message)
  ) {
    return new AuthError(
      'token_malformed',
      `${what} names a critical header extension (crit) this verifier does not understand.`,
      { cause: error },
    );
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new AuthError('alg_not_allowed', `${what}: the signing algorithm is not allowed.`, {
      cause: error,
    });
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new AuthError('signature_invalid', `${what}: the signature does not verify.`, {
      cause: error,
    });
  }
  if (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return new AuthError(
      'key_not_found',
      `${what}: no key in the issuer's JWKS matches the token's kid, even after refetching it.`,
      { cause: error },
    );
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return new AuthError('jwks_unavailable', `${what}: the issuer's JWKS could not be fetched.`, {
      cause: error,
    });
  }
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSEError
  ) {
    return new AuthError('token_malformed', `${what} is malformed: ${error.message}`, {
      cause: error,
    });
  }
  if (error instanceof TypeError || (error as Error)?.name === 'AbortError') {
    return new AuthError('jwks_unavailable', `${what}: the issuer's keys could not be fetched.`, {
      cause: error,
    });
  }
  return new AuthError('token_malformed', `${what} could not be verified.`, { cause: error });
}
