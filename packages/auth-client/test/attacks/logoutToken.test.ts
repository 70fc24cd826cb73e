// Back-channel logout forgery and replay, sent by a deliberately malicious provider that signs
// whatever logout token the attack needs with the key it publishes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bff, createBff } from '../../src/server';
import {
  newKey,
  type RogueProvider,
  startRogueProvider,
  unsignedToken,
} from '../helpers/rogueProvider';
import { attack } from './attack';

const BASE = 'http://127.0.0.1:3998';
const EVENT = { 'http://schemas.openid.net/event/backchannel-logout': {} };
let rogue: RogueProvider;
let bff: Bff;
beforeAll(async () => {
  rogue = await startRogueProvider();
  bff = createBff({
    issuer: rogue.issuer,
    clientId: 'case-desk',
    clientSecret: 'secret',
    baseUrl: BASE,
    secret: 'a-test-secret-of-at-least-32-characters!!',
  });
});
afterAll(() => rogue.close());

const now = () => Math.floor(Date.now() / 1000);
const logoutClaims = (extra: Record<string, unknown> = {}) => ({
  aud: 'case-desk',
  jti: randomUUID(),
  sid: randomUUID(),
  events: EVENT,
  exp: now() + 120,
  // Not a user token: none of the defaults the rogue provider adds for access tokens.
  client_id: undefined,
  name: undefined,
  department: undefined,
  roles: undefined,
  clearance: undefined,
  employee_type: undefined,
  ...extra,
});
const sign = (
  extra: Record<string, unknown> = {},
  header: Record<string, unknown> = { typ: 'logout+jwt' },
) => rogue.sign(logoutClaims(extra), header);

async function post(token: string): Promise<{ status: number; code?: string }> {
  const response = await bff.handle(
    new Request(`${BASE}/auth/backchannel-logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ logout_token: token }).toString(),
    }),
  );
  if (response.status === 200) return { status: 200 };
  return { status: response.status, code: (await response.json()).code };
}
const refused = { status: 400, code: 'logout_token_invalid' };

describe('Back-channel logout forgery and replay', () => {
  it('accepts a well-formed logout token, typ logout+jwt or JWT (controls)', async () => {
    expect(await post(await sign())).toEqual({ status: 200 });
    expect(await post(await sign({}, { typ: 'JWT' }))).toEqual({ status: 200 });
    expect(await post(await sign({}, { typ: 'application/logout+jwt' }))).toEqual({ status: 200 });
  });

  attack(
    'OIDC Back-Channel Logout §2.4',
    'an access token (typ at+jwt) posted as a logout token',
    'logout_token_invalid',
    async () => {
      expect(await post(await sign({}, { typ: 'at+jwt' }))).toEqual(refused);
    },
  );
  attack(
    'OIDC Back-Channel Logout §2.6',
    'an ID token (no logout event) posted as a logout token',
    'logout_token_invalid',
    async () => {
      expect(await post(await sign({ events: undefined, nonce: 'n' }, { typ: 'JWT' }))).toEqual(
        refused,
      );
    },
  );
  attack(
    'OIDC Back-Channel Logout §2.6',
    'a logout token carrying a nonce',
    'logout_token_invalid',
    async () => {
      expect(await post(await sign({ nonce: 'n' }))).toEqual(refused);
    },
  );
  attack(
    'OIDC Back-Channel Logout §2.6',
    'a logout token replayed (same jti)',
    'logout_token_invalid',
    async () => {
      const token = await sign();
      expect(await post(token)).toEqual({ status: 200 });
      expect(await post(token)).toEqual(refused);
    },
  );
  attack(
    'OIDC Back-Channel Logout §2.4',
    'a logout token naming neither sid nor sub',
    'logout_token_invalid',
    async () => {
      expect(await post(await sign({ sid: undefined, sub: undefined }))).toEqual(refused);
    },
  );
  attack(
    'OIDC Back-Channel Logout §2.6',
    'a logout token issued ten minutes ago (stale iat)',
    'logout_token_invalid',
    async () => {
      expect(await post(await sign({ iat: now() - 600, exp: now() + 600 }))).toEqual(refused);
    },
  );
  attack(
    'OIDC Back-Channel Logout §2.4',
    'a logout token without exp',
    'logout_token_invalid',
    async () => {
      expect(await post(await sign({ exp: undefined }))).toEqual(refused);
    },
  );
  attack(
    'OIDC Back-Channel Logout §2.6',
    'an unsigned logout token (alg none)',
    'logout_token_invalid',
    async () => {
      const token = unsignedToken(
        { alg: 'none', typ: 'logout+jwt' },
        { iss: rogue.issuer, iat: now(), ...logoutClaims() },
      );
      expect(await post(token)).toEqual(refused);
    },
  );
  attack(
    'OIDC Back-Channel Logout §2.6',
    'a logout token for another client (aud)',
    'logout_token_invalid',
    async () => {
      expect(await post(await sign({ aud: 'permit-desk' }))).toEqual(refused);
    },
  );
  attack(
    'OIDC Back-Channel Logout §2.6',
    'a logout token signed by a key the provider does not publish',
    'logout_token_invalid',
    async () => {
      const stranger = await newKey();
      expect(await post(await rogue.sign(logoutClaims(), { typ: 'logout+jwt' }, stranger))).toEqual(
        refused,
      );
    },
  );
  attack(
    'OIDC Back-Channel Logout §2.5',
    'a GET to the back-channel logout route',
    'refused (404)',
    async () => {
      const response = await bff.handle(
        new Request(`${BASE}/auth/backchannel-logout?logout_token=${await sign()}`),
      );
      expect(response.status).toBe(404);
    },
  );
});
