// Encrypted, authenticated cookie values: jose JWE (dir + A256GCM) with keys derived from the
// app's secrets by WebCrypto HKDF (so it also runs on edge runtimes). Several secrets allow rotation: the first seals, all unseal.
import { EncryptJWT, errors, type JWTPayload, jwtDecrypt } from 'jose';
import { AuthError } from '../authError';

async function derive(secret: string, binding: string): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: encoder.encode('city-sdk/auth-client'),
      // The app's client id is part of the key: two apps that share a secret (by copy-paste, or
      // one vault entry) still cannot open each other's cookies.
      info: encoder.encode(`session cookie v2\u0000${binding}`),
    },
    material,
    256,
  );
  return new Uint8Array(bits);
}

export interface Sealer {
  seal(payload: JWTPayload, purpose: string, ttlSeconds: number): Promise<string>;
  /** Throws `session_invalid` (or the given code) when the value was tampered with or expired. */
  unseal(value: string, purpose: string): Promise<JWTPayload>;
}

/**
 * A sealer for `secrets` (the first seals, all unseal), bound to `binding` (the client id):
 * a value sealed for one binding does not unseal under another.
 */
export async function createSealer(secrets: readonly string[], binding: string): Promise<Sealer> {
  if (secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s.length < 32)) {
    throw new AuthError(
      'invalid_configuration',
      'createBff: `secret` must be at least 32 characters (or a list of such secrets, newest first), e.g. from `openssl rand -base64 32`.',
    );
  }
  const keys = await Promise.all(secrets.map((secret) => derive(secret, binding)));
  const [current] = keys;
  if (!current) throw new AuthError('invalid_configuration', 'createBff: no secret');
  return {
    seal(payload, purpose, ttlSeconds) {
      return new EncryptJWT({ ...payload, pur: purpose })
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setIssuedAt()
        .setExpirationTime(`${Math.max(1, Math.ceil(ttlSeconds))}s`)
        .encrypt(current);
    },
    async unseal(value, purpose) {
      let lastError: unknown;
      for (const key of keys) {
        try {
          const { payload } = await jwtDecrypt(value, key, {
            keyManagementAlgorithms: ['dir'],
            contentEncryptionAlgorithms: ['A256GCM'],
          });
          if (payload.pur !== purpose) throw new Error('sealed for another purpose');
          return payload;
        } catch (error) {
          if (error instanceof errors.JWTExpired) {
            throw new AuthError(
              'session_expired',
              'The session cookie has passed its lifetime; sign in again.',
              { cause: error },
            );
          }
          lastError = error;
        }
      }
      throw new AuthError(
        'session_invalid',
        "The cookie does not decrypt with this app's secret: it was tampered with, expired, or sealed by another app.",
        { cause: lastError },
      );
    },
  };
}
