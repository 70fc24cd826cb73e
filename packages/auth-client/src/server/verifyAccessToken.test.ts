import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newKey,
  type RogueProvider,
  startRogueProvider,
  unsignedToken,
} from '../../test/helpers/rogueProvider';
import { AuthError, type AuthErrorCode } from '../authError';
import { createAccessTokenVerifier, verifyAccessToken } from './verifyAccessToken';

let rogue: RogueProvider;
beforeAll(async () => {
  rogue = await startRogueProvider();
});
afterAll(() => rogue.close());

const options = () => ({ issuer: rogue.issuer, audience: rogue.audience });

async function rejects(promise: Promise<unknown>, code: AuthErrorCode) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected AuthError ${code}`).toBeInstanceOf(AuthError);
  expect((error as AuthError).code).toBe(code);
}

describe('verifyAccessToken', () => {
  it('accepts a well-formed token and returns the Principal', async () => {
    const { principal, claims } = await verifyAccessToken(await rogue.sign(), options());
    expect(principal).toMatchObject({
      sub: 'pwd-clerk',
      department: 'PWD',
      roles: ['311.intake'],
      clearance: 'internal',
      employeeType: 'employee',
    });
    expect(claims.iss).toBe(rogue.issuer);
  });

  it('rejects alg none', async () => {
    const good = await rogue.sign();
    const claims = JSON.parse(Buffer.from(good.split('.')[1] ?? '', 'base64url').toString());
    await rejects(
      verifyAccessToken(unsignedToken({ alg: 'none', typ: 'at+jwt' }, claims), options()),
      'alg_not_allowed',
    );
  });

  it('rejects HS256 signed with the public key (algorithm confusion)', async () => {
    const good = await rogue.sign();
    const [, payload] = good.split('.');
    const header = Buffer.from(
      JSON.stringify({ alg: 'HS256', typ: 'at+jwt', kid: rogue.key.kid }),
    ).toString('base64url');
    const secret = JSON.stringify(rogue.key.publicJwk);
    const sig = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
    await rejects(verifyAccessToken(`${header}.${payload}.${sig}`, options()), 'alg_not_allowed');
  });

  it('rejects a flipped signature byte', async () => {
    const good = await rogue.sign();
    const [h, p, s = ''] = good.split('.');
    const bytes = Buffer.from(s, 'base64url');
    bytes[10] = (bytes[10] ?? 0) ^ 0x01;
    await rejects(
      verifyAccessToken(`${h}.${p}.${bytes.toString('base64url')}`, options()),
      'signature_invalid',
    );
  });

  it('rejects a wrong iss', async () => {
    await rejects(
      verifyAccessToken(await rogue.sign({ iss: 'https://evil.example' }), options()),
      'issuer_mismatch',
    );
  });

  it('rejects a missing iss', async () => {
    await rejects(
      verifyAccessToken(await rogue.sign({ iss: undefined }), options()),
      'issuer_mismatch',
    );
  });

  it('rejects a wrong aud', async () => {
    await rejects(
      verifyAccessToken(await rogue.sign({ aud: 'urn:other:api' }), options()),
      'audience_mismatch',
    );
  });

  it('rejects an extra audience without azp', async () => {
    await rejects(
      verifyAccessToken(await rogue.sign({ aud: [rogue.audience, 'urn:other:api'] }), options()),
      'azp_missing',
    );
    const withAzp = await rogue.sign({
      aud: [rogue.audience, 'urn:other:api'],
      azp: 'city-dev-app',
    });
    await expect(verifyAccessToken(withAzp, options())).resolves.toBeTruthy();
  });

  it('rejects an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    await rejects(
      verifyAccessToken(await rogue.sign({ iat: now - 600, exp: now - 300 }), options()),
      'token_expired',
    );
  });

  it('rejects a not-yet-valid token (nbf and iat in the future)', async () => {
    const now = Math.floor(Date.now() / 1000);
    await rejects(
      verifyAccessToken(await rogue.sign({ nbf: now + 600 }), options()),
      'token_not_yet_valid',
    );
    await rejects(
      verifyAccessToken(await rogue.sign({ iat: now + 600, exp: now + 900 }), options()),
      'token_not_yet_valid',
    );
  });

  it('rejects a token without exp', async () => {
    await rejects(
      verifyAccessToken(await rogue.sign({ exp: undefined }), options()),
      'claim_missing',
    );
  });

  it('rejects a token without iat', async () => {
    await rejects(
      verifyAccessToken(await rogue.sign({ iat: undefined }), options()),
      'claim_missing',
    );
  });

  it('rejects a token whose typ is not at+jwt (an ID token used as an access token)', async () => {
    await rejects(
      verifyAccessToken(await rogue.sign({}, { typ: 'JWT' }), options()),
      'typ_invalid',
    );
  });

  it('rejects claims that do not make a Principal, naming the field', async () => {
    const error = await verifyAccessToken(
      await rogue.sign({ clearance: 'secret' }),
      options(),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error.code).toBe('claims_invalid');
    expect(error.message).toContain('clearance');
  });

  it('refuses to allow symmetric algorithms in its configuration', () => {
    expect(() => createAccessTokenVerifier({ ...options(), algorithms: ['HS256'] })).toThrow(
      AuthError,
    );
  });

  it('unknown kid and key rotation: one JWKS refetch, no fetch storm', async () => {
    // A short cooldown so the test need not wait 30 s for the rotation to be refetchable.
    const verify = createAccessTokenVerifier({ ...options(), jwksCooldown: 0.3 });
    await verify(await rogue.sign());
    const before = rogue.jwksFetches;
    const next = await newKey();
    const stranger = await newKey();
    const rotated = await rogue.sign({}, {}, next);
    const forgedTokens = await Promise.all(
      Array.from({ length: 20 }, () => rogue.sign({}, { kid: randomUUID() }, stranger)),
    );
    await new Promise((resolve) => setTimeout(resolve, 350));
    // The IdP rotates: a new key is published and used; twenty requests arrive at once.
    rogue.published = [rogue.key, next];
    const results = await Promise.all(Array.from({ length: 20 }, () => verify(rotated)));
    expect(results.every((r) => r.principal.sub === 'pwd-clerk')).toBe(true);
    expect(rogue.jwksFetches - before).toBe(1);
    // Tokens naming keys that do not exist cannot make it fetch again within the cooldown.
    const forged = await Promise.all(forgedTokens.map((t) => verify(t).catch((e: unknown) => e)));
    expect(forged.every((e) => e instanceof AuthError && e.code === 'key_not_found')).toBe(true);
    expect(rogue.jwksFetches - before).toBe(1);
  });

  it('a withdrawn key is refused after the refetch that drops it, though it verified tokens before', async () => {
    const verify = createAccessTokenVerifier({ ...options(), jwksCooldown: 0.2 });
    const old = await newKey();
    const next = await newKey();
    rogue.published = [rogue.key, old];
    try {
      // Verified twice: the second time from the remembered key, without a JWKS lookup.
      await verify(await rogue.sign({}, {}, old));
      await verify(await rogue.sign({}, {}, old));
      const fetches = rogue.jwksFetches;
      // The IdP rotates `old` out; a token with a new kid makes the verifier refetch.
      rogue.published = [rogue.key, next];
      await new Promise((resolve) => setTimeout(resolve, 250));
      await verify(await rogue.sign({}, {}, next));
      expect(rogue.jwksFetches - fetches).toBe(1);
      await rejects(verify(await rogue.sign({}, {}, old)), 'key_not_found');
    } finally {
      rogue.published = [rogue.key];
    }
  });

  it('verifies tokens that differ per request with one JWKS fetch (keys remembered, tokens not)', async () => {
    const verify = createAccessTokenVerifier(options());
    const before = rogue.jwksFetches;
    const tokens = await Promise.all(
      Array.from({ length: 5 }, (_, i) => rogue.sign({ jti: `t-${i}` })),
    );
    for (const token of tokens) expect((await verify(token)).claims.jti).toMatch(/^t-/);
    expect(rogue.jwksFetches - before).toBe(1);
    // A remembered key does not remember the verdict: the same kid with a bad signature fails.
    const [h, p, sig = ''] = (tokens[0] as string).split('.');
    const flipped = `${h}.${p}.${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    await rejects(verify(flipped), 'signature_invalid');
  });

  it('reuses a verifier per options object but notices when the object changed', async () => {
    const opts: { issuer: string; audience: string | string[] } = options();
    const token = await rogue.sign();
    await verifyAccessToken(token, opts);
    const fetches = rogue.jwksFetches;
    await verifyAccessToken(await rogue.sign(), opts);
    expect(rogue.jwksFetches).toBe(fetches);
    opts.audience = 'urn:cityofboston:another-api';
    await rejects(verifyAccessToken(token, opts), 'audience_mismatch');
    opts.audience = [rogue.audience];
    await verifyAccessToken(token, opts);
    (opts.audience as string[])[0] = 'urn:cityofboston:another-api';
    await rejects(verifyAccessToken(token, opts), 'audience_mismatch');
  });
});
