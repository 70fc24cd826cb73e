// ID token algorithms come from the provider's metadata intersected with the allow-list: the dev
// IdP signing with RS256 and with ES256 both work, and a provider that offers only algorithms
// outside the allow-list is refused before any redirect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevIdp } from '../../src/devIdp';
import { createBff } from '../../src/server';
import { startTestApp } from '../helpers/app';
import { Browser, signInAs } from '../helpers/browser';
import { type RogueProvider, startRogueProvider } from '../helpers/rogueProvider';
import { attack } from './attack';

const SECRET = 'a-test-secret-of-at-least-32-characters!!';
let rogue: RogueProvider;
beforeAll(async () => {
  rogue = await startRogueProvider();
});
afterAll(() => rogue.close());

async function loginCode(advertised: string[] | undefined, algorithms?: string[]) {
  rogue.discoveryOverrides =
    advertised === undefined
      ? { id_token_signing_alg_values_supported: undefined }
      : { id_token_signing_alg_values_supported: advertised };
  const bff = createBff({
    issuer: rogue.issuer,
    clientId: 'case-desk',
    baseUrl: 'http://127.0.0.1:3997',
    secret: SECRET,
    ...(algorithms ? { algorithms } : {}),
    // A fresh discovery per attempt (the overrides change between tests).
    fetch: (input, init) => fetch(input, init),
  });
  const response = await bff.login(new Request('http://127.0.0.1:3997/auth/login'));
  if (response.status === 302) return 'redirected';
  return (await response.json()).code as string;
}

describe('Token forgery and algorithm confusion (provider metadata)', () => {
  for (const alg of ['RS256', 'ES256'] as const) {
    it(`signs in against the dev IdP signing ID tokens with ${alg}`, async () => {
      const t = await startTestApp({}, { signingAlgorithm: alg });
      try {
        const meta = await (await fetch(`${t.idp.issuer}/.well-known/openid-configuration`)).json();
        expect(meta.id_token_signing_alg_values_supported).toEqual([alg]);
        const browser = new Browser();
        const { response } = await signInAs(
          browser,
          `${t.origin}/auth/login?returnTo=/api/me`,
          'pwd-clerk',
        );
        expect(response.status).toBe(200);
        expect((await response.json()).principal.sub).toBe('pwd-clerk');
      } finally {
        await t.close();
      }
    });
  }

  attack(
    'OIDC Discovery §3 / RFC 8725 §3.1',
    'a provider that advertises only HS256 for ID tokens',
    'alg_not_allowed',
    async () => {
      expect(await loginCode(['HS256'])).toBe('alg_not_allowed');
    },
  );
  attack(
    'OIDC Discovery §3 / RFC 8725 §3.1',
    'a provider that advertises only alg none for ID tokens',
    'alg_not_allowed',
    async () => {
      expect(await loginCode(['none'])).toBe('alg_not_allowed');
    },
  );
  attack(
    'OIDC Discovery §3',
    'a provider whose only algorithm the app did not allow',
    'alg_not_allowed',
    async () => {
      expect(await loginCode(['RS256'], ['ES256'])).toBe('alg_not_allowed');
    },
  );
  it('an allowed advertised algorithm, or RS256 when none is advertised, proceeds (controls)', async () => {
    expect(await loginCode(['none', 'ES256'])).toBe('redirected');
    expect(await loginCode(undefined)).toBe('redirected');
  });
  it('the dev IdP refuses a signing algorithm it does not offer', async () => {
    await expect(startDevIdp({ signingAlgorithm: 'HS256' as never })).rejects.toMatchObject({
      code: 'invalid_configuration',
    });
  });
});
