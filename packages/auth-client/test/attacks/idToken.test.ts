// The BFF's callback against a deliberately misbehaving provider on 127.0.0.1, whose token
// endpoint returns forged or broken ID tokens. Each is a named test that fails if the attack
// succeeds.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthErrorCode } from '../../src/authError';
import { type Bff, createBff } from '../../src/server';
import {
  newKey,
  type RogueProvider,
  startRogueProvider,
  unsignedToken,
} from '../helpers/rogueProvider';
import { attack } from './attack';

const BASE = 'http://127.0.0.1:3999';
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

function claims(nonce: string, extra: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  const out: Record<string, unknown> = {
    iss: rogue.issuer,
    aud: 'case-desk',
    sub: 'pwd-clerk',
    iat: now,
    exp: now + 300,
    nonce,
    name: 'Robin Intake (synthetic)',
    department: 'PWD',
    roles: ['311.intake'],
    clearance: 'internal',
    employee_type: 'employee',
    ...extra,
  };
  // Undefined values stay: rogue.sign() drops those claims after its own defaults.
  return out;
}

/** Runs login → provider → callback and returns the callback's status and error code. */
async function signIn(): Promise<{ status: number; code?: AuthErrorCode }> {
  const login = await bff.handle(new Request(`${BASE}/auth/login`));
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const atProvider = await fetch(login.headers.get('location') ?? '', { redirect: 'manual' });
  const callback = await bff.handle(
    new Request(atProvider.headers.get('location') ?? '', { headers: { cookie } }),
  );
  if (callback.status === 303) return { status: 303 };
  return { status: callback.status, code: (await callback.json()).code };
}

describe('Token forgery and algorithm confusion (ID tokens)', () => {
  it('accepts a well-formed ID token (control)', async () => {
    rogue.idToken = ({ nonce }) => rogue.sign(claims(nonce), { typ: 'JWT' });
    expect(await signIn()).toEqual({ status: 303 });
  });

  attack('RFC 8725 §3.1', 'an ID token with alg none', 'alg_not_allowed', async () => {
    rogue.idToken = async ({ nonce }) => unsignedToken({ alg: 'none', typ: 'JWT' }, claims(nonce));
    expect((await signIn()).code).toBe('alg_not_allowed');
  });

  attack(
    'RFC 8725 §3.1',
    "an ID token HMAC-signed with the provider's public key (algorithm confusion)",
    'alg_not_allowed',
    async () => {
      rogue.idToken = async ({ nonce }) => {
        const header = Buffer.from(
          JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: rogue.key.kid }),
        ).toString('base64url');
        const payload = Buffer.from(JSON.stringify(claims(nonce))).toString('base64url');
        const sig = createHmac('sha256', JSON.stringify(rogue.key.publicJwk))
          .update(`${header}.${payload}`)
          .digest('base64url');
        return `${header}.${payload}.${sig}`;
      };
      expect((await signIn()).code).toBe('alg_not_allowed');
    },
  );

  attack(
    'RFC 7515 §5.2',
    'an ID token with one signature bit flipped',
    'signature_invalid',
    async () => {
      rogue.idToken = async ({ nonce }) => {
        const [h, p, s = ''] = (await rogue.sign(claims(nonce), { typ: 'JWT' })).split('.');
        const bytes = Buffer.from(s, 'base64url');
        bytes[3] = (bytes[3] ?? 0) ^ 0x01;
        return `${h}.${p}.${bytes.toString('base64url')}`;
      };
      expect((await signIn()).code).toBe('signature_invalid');
    },
  );

  attack(
    'RFC 7517 §4.5',
    'an ID token signed by a key the provider does not publish',
    'key_not_found',
    async () => {
      const stranger = await newKey();
      rogue.idToken = ({ nonce }) => rogue.sign(claims(nonce), { typ: 'JWT' }, stranger);
      expect((await signIn()).code).toBe('key_not_found');
    },
  );

  attack('OIDC Core §3.1.3.7', 'an ID token from another issuer', 'issuer_mismatch', async () => {
    rogue.idToken = ({ nonce }) =>
      rogue.sign(claims(nonce, { iss: 'https://evil.example' }), { typ: 'JWT' });
    expect((await signIn()).code).toBe('issuer_mismatch');
  });

  attack('OIDC Core §3.1.3.7', 'an ID token without iss', 'issuer_mismatch', async () => {
    rogue.idToken = ({ nonce }) => rogue.sign(claims(nonce, { iss: undefined }), { typ: 'JWT' });
    expect((await signIn()).code).toBe('issuer_mismatch');
  });

  attack(
    'OIDC Core §3.1.3.7',
    'an ID token for another client (aud)',
    'audience_mismatch',
    async () => {
      rogue.idToken = ({ nonce }) =>
        rogue.sign(claims(nonce, { aud: 'another-app' }), { typ: 'JWT' });
      expect((await signIn()).code).toBe('audience_mismatch');
    },
  );

  attack(
    'OIDC Core §3.1.3.7',
    'an ID token with an extra audience and no azp',
    'azp_missing',
    async () => {
      rogue.idToken = ({ nonce }) =>
        rogue.sign(claims(nonce, { aud: ['case-desk', 'another-app'] }), { typ: 'JWT' });
      expect((await signIn()).code).toBe('azp_missing');
    },
  );

  attack('OIDC Core §3.1.3.7', 'an expired ID token (exp)', 'token_expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    rogue.idToken = ({ nonce }) =>
      rogue.sign(claims(nonce, { iat: now - 900, exp: now - 600 }), { typ: 'JWT' });
    expect((await signIn()).code).toBe('token_expired');
  });

  attack('OIDC Core §3.1.3.7', 'an ID token without exp', 'claim_missing', async () => {
    rogue.idToken = ({ nonce }) => rogue.sign(claims(nonce, { exp: undefined }), { typ: 'JWT' });
    expect((await signIn()).code).toBe('claim_missing');
  });

  attack(
    'OIDC Core §3.1.3.7',
    'an ID token replayed from another login (nonce)',
    'nonce_mismatch',
    async () => {
      rogue.idToken = () => rogue.sign(claims('not-the-nonce-we-sent'), { typ: 'JWT' });
      expect((await signIn()).code).toBe('nonce_mismatch');
    },
  );
});
