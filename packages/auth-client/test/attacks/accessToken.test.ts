// Attacks on verifyAccessToken (RFC 9068 JWT access tokens), sent by a deliberately malicious
// provider on 127.0.0.1 that mints whatever token the attack needs and counts JWKS fetches.
import { createHmac, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAuthError } from '../../src/authError';
import { createAccessTokenVerifier } from '../../src/server';
import {
  newKey,
  type RogueProvider,
  startRogueProvider,
  unsignedToken,
} from '../helpers/rogueProvider';
import { attack } from './attack';

let rogue: RogueProvider;
beforeAll(async () => {
  rogue = await startRogueProvider();
});
afterAll(() => rogue.close());

const verifier = () =>
  createAccessTokenVerifier({ issuer: rogue.issuer, audience: rogue.audience });
const now = () => Math.floor(Date.now() / 1000);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** The code the verifier refuses `token` with; fails the test if the token is accepted. */
async function refusal(token: string, verify = verifier()): Promise<string> {
  try {
    await verify(token);
  } catch (error) {
    expect(isAuthError(error), String(error)).toBe(true);
    return (error as { code: string }).code;
  }
  throw new Error('the attack token was accepted');
}

describe('Token forgery and algorithm confusion (access tokens)', () => {
  attack('RFC 8725 §3.1', 'an access token with alg none', 'alg_not_allowed', async () => {
    const token = unsignedToken(
      { alg: 'none', typ: 'at+jwt' },
      { iss: rogue.issuer, aud: rogue.audience, sub: 'x', iat: now(), exp: now() + 60 },
    );
    expect(await refusal(token)).toBe('alg_not_allowed');
  });

  attack(
    'RFC 8725 §3.1',
    "an access token HMAC-signed with the provider's public key",
    'alg_not_allowed',
    async () => {
      const header = b64({ alg: 'HS256', typ: 'at+jwt', kid: rogue.key.kid });
      const payload = b64({
        iss: rogue.issuer,
        aud: rogue.audience,
        sub: 'x',
        iat: now(),
        exp: now() + 60,
      });
      const sig = createHmac('sha256', JSON.stringify(rogue.key.publicJwk))
        .update(`${header}.${payload}`)
        .digest('base64url');
      expect(await refusal(`${header}.${payload}.${sig}`)).toBe('alg_not_allowed');
    },
  );

  attack(
    'RFC 7515 §5.2',
    'claims changed after signing (signature kept)',
    'signature_invalid',
    async () => {
      const [h, , s] = (await rogue.sign()).split('.');
      const forged = b64({
        iss: rogue.issuer,
        aud: rogue.audience,
        sub: 'admin',
        iat: now(),
        exp: now() + 60,
        roles: ['admin'],
      });
      expect(await refusal(`${h}.${forged}.${s}`)).toBe('signature_invalid');
    },
  );

  attack('RFC 7515 §5.2', 'a signature stripped from the token', 'signature_invalid', async () => {
    const [h, p] = (await rogue.sign()).split('.');
    expect(await refusal(`${h}.${p}.`)).toBe('signature_invalid');
  });

  attack('RFC 7519 §7.2', 'a token that is not a compact JWS', 'token_malformed', async () => {
    expect(await refusal('not.a.jwt.at.all')).toBe('token_malformed');
  });
  attack(
    'RFC 8725 §2.1',
    'an ES256 signature under an HS512 header',
    'alg_not_allowed',
    async () => {
      const [, p, sig] = (await rogue.sign()).split('.');
      const header = b64({ alg: 'HS512', typ: 'at+jwt', kid: rogue.key.kid });
      expect(await refusal(`${header}.${p}.${sig}`)).toBe('alg_not_allowed');
    },
  );
});

describe('Key and header injection (jwk, jku, x5u, kid, crit)', () => {
  attack(
    'RFC 8725 §3.10 / RFC 7515 §4.1.3',
    "an embedded jwk header naming the attacker's own key",
    'key_not_found',
    async () => {
      const mine = await newKey();
      const token = await rogue.sign({}, { kid: mine.kid, jwk: mine.publicJwk }, mine);
      expect(await refusal(token)).toBe('key_not_found');
    },
  );

  attack(
    'RFC 8725 §3.10 / RFC 7515 §4.1.2',
    "a jku header pointing at the attacker's key set",
    'key_not_found',
    async () => {
      const mine = await newKey();
      const token = await rogue.sign({}, { kid: mine.kid, jku: 'https://evil.example/jwks' }, mine);
      expect(await refusal(token)).toBe('key_not_found');
    },
  );

  attack(
    'RFC 8725 §3.10 / RFC 7515 §4.1.5',
    "an x5u header pointing at the attacker's certificate",
    'key_not_found',
    async () => {
      const mine = await newKey();
      const token = await rogue.sign(
        {},
        { kid: mine.kid, x5u: 'https://evil.example/cert.pem' },
        mine,
      );
      expect(await refusal(token)).toBe('key_not_found');
    },
  );

  attack(
    'RFC 7515 §4.1.4',
    'a kid reused by the attacker with another key',
    'signature_invalid',
    async () => {
      const mine = await newKey();
      const token = await rogue.sign({}, { kid: rogue.key.kid }, mine);
      expect(await refusal(token)).toBe('signature_invalid');
    },
  );

  attack('RFC 7515 §4.1.4', 'a kid carrying a path traversal', 'key_not_found', async () => {
    const token = await rogue.sign({}, { kid: '../../../../etc/passwd' });
    expect(await refusal(token)).toBe('key_not_found');
  });

  attack(
    'RFC 7515 §4.1.11',
    'a crit header naming an extension nobody understands',
    'token_malformed',
    async () => {
      // jose will not sign it either: signed by hand with WebCrypto (ES256 is raw r||s).
      const header = b64({
        alg: 'ES256',
        typ: 'at+jwt',
        kid: rogue.key.kid,
        crit: ['urn:evil'],
        'urn:evil': true,
      });
      const payload = b64({
        iss: rogue.issuer,
        aud: rogue.audience,
        sub: 'x',
        iat: now(),
        exp: now() + 60,
      });
      const signature = await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        rogue.key.privateKey,
        new TextEncoder().encode(`${header}.${payload}`),
      );
      const token = `${header}.${payload}.${Buffer.from(signature).toString('base64url')}`;
      expect(await refusal(token)).toBe('token_malformed');
    },
  );
});

describe('Claim validation (exp, nbf, iat, aud, azp, iss, typ)', () => {
  attack('RFC 9068 §4', 'an expired access token', 'token_expired', async () => {
    expect(await refusal(await rogue.sign({ iat: now() - 600, exp: now() - 300 }))).toBe(
      'token_expired',
    );
  });
  attack('RFC 9068 §2.2', 'an access token without exp', 'claim_missing', async () => {
    expect(await refusal(await rogue.sign({ exp: undefined }))).toBe('claim_missing');
  });
  attack(
    'RFC 7519 §4.1.5',
    'an access token not valid before an hour from now (nbf)',
    'token_not_yet_valid',
    async () => {
      expect(await refusal(await rogue.sign({ nbf: now() + 3600 }))).toBe('token_not_yet_valid');
    },
  );
  attack(
    'RFC 7519 §4.1.6',
    'an access token issued in the future (iat)',
    'token_not_yet_valid',
    async () => {
      expect(await refusal(await rogue.sign({ iat: now() + 3600, exp: now() + 7200 }))).toBe(
        'token_not_yet_valid',
      );
    },
  );
  attack(
    'RFC 9700 §4.9 / RFC 9068 §4',
    'an access token for another API (aud)',
    'audience_mismatch',
    async () => {
      expect(await refusal(await rogue.sign({ aud: 'urn:another:api' }))).toBe('audience_mismatch');
    },
  );
  attack('RFC 9068 §4', 'an access token without aud', 'audience_mismatch', async () => {
    expect(await refusal(await rogue.sign({ aud: undefined }))).toBe('audience_mismatch');
  });
  attack(
    'OIDC Core §2 (azp)',
    'an access token for several audiences without azp',
    'azp_missing',
    async () => {
      expect(await refusal(await rogue.sign({ aud: [rogue.audience, 'urn:other'] }))).toBe(
        'azp_missing',
      );
    },
  );
  attack('RFC 9068 §4', 'an access token from another issuer', 'issuer_mismatch', async () => {
    expect(await refusal(await rogue.sign({ iss: 'https://evil.example' }))).toBe(
      'issuer_mismatch',
    );
  });
  attack(
    'RFC 9068 §2.1 / RFC 8725 §3.11',
    'an ID token (typ JWT) presented as an access token',
    'typ_invalid',
    async () => {
      expect(await refusal(await rogue.sign({}, { typ: 'JWT' }))).toBe('typ_invalid');
    },
  );
  attack('RFC 9068 §4', 'an access token without sub', 'claim_missing', async () => {
    expect(await refusal(await rogue.sign({ sub: undefined }))).toBe('claim_missing');
  });
  attack(
    'RFC 9700 §4.15',
    'a client-credentials token (sub is a client, no user claims) used as a user',
    'claims_invalid',
    async () => {
      const token = await rogue.sign({
        sub: 'case-desk',
        name: undefined,
        department: undefined,
        roles: undefined,
        clearance: undefined,
        employee_type: undefined,
      });
      expect(await refusal(token)).toBe('claims_invalid');
    },
  );
  attack(
    'RFC 9700 §4.10',
    'a stolen access token replayed after it expired',
    'token_expired',
    async () => {
      const token = await rogue.sign({ iat: now() - 400, exp: now() - 100 });
      expect(await refusal(token)).toBe('token_expired');
    },
  );
});

describe('Error contract (huge numeric claims)', () => {
  attack(
    'RFC 7519 §2 (NumericDate)',
    'auth_time of 1e300 (a RangeError before the fix)',
    'claims_invalid',
    async () => {
      expect(await refusal(await rogue.sign({ auth_time: 1e300 }))).toBe('claims_invalid');
    },
  );
  attack(
    'RFC 7519 §2 (NumericDate)',
    'account_expires_at of 9e15 (a RangeError before the fix)',
    'claims_invalid',
    async () => {
      expect(await refusal(await rogue.sign({ account_expires_at: 9e15 }))).toBe('claims_invalid');
    },
  );
  attack('RFC 7519 §2 (NumericDate)', 'auth_time of -1e20', 'claims_invalid', async () => {
    expect(await refusal(await rogue.sign({ auth_time: -1e20 }))).toBe('claims_invalid');
  });
});

describe('Claim mapping', () => {
  attack(
    'OIDC Core §5.1.2 (claim names)',
    'a flat "realm_access.roles" claim posing as the nested roles',
    'ignored (nested claim read)',
    async () => {
      const verify = createAccessTokenVerifier({
        issuer: rogue.issuer,
        audience: rogue.audience,
        claimMapping: { roles: 'realm_access.roles' },
      });
      const token = await rogue.sign({
        roles: undefined,
        realm_access: { roles: ['311.intake'] },
        'realm_access.roles': ['admin'],
      });
      const { principal } = await verify(token);
      expect(principal.roles).toEqual(['311.intake']);
      expect(principal.roles).not.toContain('admin');
    },
  );
  attack(
    'OIDC Core §5.1.2 (claim names)',
    'a flat dotted claim when the nested claim is absent',
    'claims_invalid',
    async () => {
      const verify = createAccessTokenVerifier({
        issuer: rogue.issuer,
        audience: rogue.audience,
        claimMapping: { department: 'org.department' },
      });
      const token = await rogue.sign({ department: undefined, 'org.department': 'PWD' });
      expect(await refusal(token, verify)).toBe('claims_invalid');
    },
  );
  attack(
    'OIDC Core §5.1.2 (claim names)',
    'a mapping function that throws',
    'claims_invalid',
    async () => {
      const verify = createAccessTokenVerifier({
        issuer: rogue.issuer,
        audience: rogue.audience,
        claimMapping: {
          roles: () => {
            throw new RangeError('boom');
          },
        },
      });
      expect(await refusal(await rogue.sign(), verify)).toBe('claims_invalid');
    },
  );
});

describe('JWKS refetch storms', () => {
  attack(
    'OIDC Core §10.1.1',
    'a JWKS endpoint that does not answer',
    'jwks_unavailable',
    async () => {
      const verify = createAccessTokenVerifier({
        issuer: rogue.issuer,
        audience: rogue.audience,
        jwksUri: 'http://127.0.0.1:9/jwks',
      });
      expect(await refusal(await rogue.sign(), verify)).toBe('jwks_unavailable');
    },
  );
  attack(
    'RFC 8725 §3.10 / OIDC Core §10.1.1',
    'fifty tokens with unknown kids (one JWKS refetch at most)',
    'key_not_found',
    async () => {
      const verify = verifier();
      await verify(await rogue.sign());
      const before = rogue.jwksFetches;
      const codes = new Set<string>();
      for (let i = 0; i < 50; i++)
        codes.add(await refusal(await rogue.sign({}, { kid: randomUUID() }), verify));
      expect([...codes]).toEqual(['key_not_found']);
      expect(rogue.jwksFetches - before).toBeLessThanOrEqual(1);
    },
  );
});

describe('Error contract (huge numeric claims)', () => {
  // Any claims at all, validly signed: the verifier answers with a Principal or an AuthError
  // with a documented code, never another exception (a RangeError, a TypeError).
  const value = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom(1e300, -1e300, 8.64e12 + 1, Number.MAX_SAFE_INTEGER, 0, -1),
    fc.string({ maxLength: 8 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
  );
  const claim = fc.constantFrom(
    'exp',
    'iat',
    'nbf',
    'auth_time',
    'account_expires_at',
    'aud',
    'iss',
    'sub',
    'azp',
    'roles',
    'department',
    'clearance',
    'employee_type',
    'name',
    'email',
    'acr',
    'amr',
  );
  it('every rejection of a validly signed token is an AuthError (property)', async () => {
    const verify = verifier();
    await fc.assert(
      fc.asyncProperty(fc.dictionary(claim, value, { maxKeys: 4 }), async (claims) => {
        const token = await rogue.sign(claims);
        try {
          await verify(token);
        } catch (error) {
          expect(isAuthError(error), String(error)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
