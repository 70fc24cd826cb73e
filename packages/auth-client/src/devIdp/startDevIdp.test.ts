import { afterEach, describe, expect, it } from 'vitest';
import { AuthError } from '../authError';
import { startDevIdp } from './startDevIdp';

describe('startDevIdp', () => {
  const original = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = original;
  });

  it('refuses to start when NODE_ENV=production', async () => {
    process.env.NODE_ENV = 'production';
    const error = await startDevIdp().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('refused_in_production');
  });

  it('publishes discovery with S256-only PKCE, ES256, RFC 9207 iss and back-channel logout', async () => {
    const idp = await startDevIdp();
    try {
      expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const meta = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json();
      expect(meta.issuer).toBe(idp.issuer);
      expect(meta.code_challenge_methods_supported).toEqual(['S256']);
      expect(meta.id_token_signing_alg_values_supported).toEqual(['ES256']);
      expect(meta.authorization_response_iss_parameter_supported).toBe(true);
      expect(meta.backchannel_logout_supported).toBe(true);
      const jwks = await (await fetch(meta.jwks_uri)).json();
      expect(jwks.keys).toHaveLength(1);
      expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
      expect(jwks.keys[0].d).toBeUndefined();
    } finally {
      await idp.close();
    }
  });

  it('generates new keys at every start', async () => {
    const a = await startDevIdp();
    const b = await startDevIdp();
    try {
      const kid = async (issuer: string) =>
        (await (await fetch(`${issuer}/jwks`)).json()).keys[0].kid;
      expect(await kid(a.issuer)).not.toBe(await kid(b.issuer));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
