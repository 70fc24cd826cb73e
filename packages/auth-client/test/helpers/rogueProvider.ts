// A deliberately misbehaving OpenID provider on 127.0.0.1: it serves discovery and a JWKS the
// test controls, counts JWKS fetches, and mints whatever token a test asks for (alg none, HS256
// with the public key, wrong claims), so each attack can be tried against the verifier.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

export interface RogueKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function newKey(): Promise<RogueKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
  };
}

export interface RogueProvider {
  issuer: string;
  audience: string;
  /** Keys currently published in the JWKS. */
  published: RogueKey[];
  /** The key tokens are signed with by default. */
  key: RogueKey;
  jwksFetches: number;
  /** Extra discovery fields, e.g. to drop S256 from code_challenge_methods_supported. */
  discoveryOverrides: Record<string, unknown>;
  /** The ID token its token endpoint returns, given the last authorization request's nonce. */
  idToken: (request: { nonce: string; clientId: string }) => Promise<string>;
  /** The last authorization request's parameters. */
  lastAuthorization: URLSearchParams | undefined;
  sign(
    claims?: Record<string, unknown>,
    header?: Record<string, unknown>,
    key?: RogueKey,
  ): Promise<string>;
  close(): Promise<void>;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWS built by hand, for the algorithms jose refuses to produce (none). */
export function unsignedToken(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
): string {
  return `${b64(header)}.${b64(claims)}.`;
}

export async function startRogueProvider(): Promise<RogueProvider> {
  const key = await newKey();
  const state: Omit<RogueProvider, 'sign' | 'close' | 'issuer'> & { issuer: string } = {
    issuer: '',
    audience: 'urn:test:api',
    published: [key],
    key,
    jwksFetches: 0,
    discoveryOverrides: {},
    idToken: async () => '',
    lastAuthorization: undefined,
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    res.setHeader('content-type', 'application/json');
    if (path === '/.well-known/openid-configuration') {
      res.end(
        JSON.stringify({
          issuer: state.issuer,
          authorization_endpoint: `${state.issuer}/auth`,
          token_endpoint: `${state.issuer}/token`,
          jwks_uri: `${state.issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['ES256'],
          code_challenge_methods_supported: ['S256'],
          authorization_response_iss_parameter_supported: true,
          ...state.discoveryOverrides,
        }),
      );
      return;
    }
    if (path === '/auth') {
      // Authorizes anyone at once and sends the browser back with a code.
      const params = new URL(req.url ?? '/', state.issuer).searchParams;
      state.lastAuthorization = params;
      const back = new URL(params.get('redirect_uri') ?? '');
      back.searchParams.set('code', 'rogue-code');
      back.searchParams.set('state', params.get('state') ?? '');
      back.searchParams.set('iss', state.issuer);
      res.statusCode = 302;
      res.setHeader('location', back.href);
      res.end();
      return;
    }
    if (path === '/token') {
      const params = state.lastAuthorization;
      state
        .idToken({ nonce: params?.get('nonce') ?? '', clientId: params?.get('client_id') ?? '' })
        .then((idToken) => {
          res.setHeader('cache-control', 'no-store');
          res.end(
            JSON.stringify({
              access_token: 'opaque-access-token',
              token_type: 'Bearer',
              expires_in: 300,
              id_token: idToken,
            }),
          );
        });
      return;
    }
    if (path === '/jwks') {
      state.jwksFetches++;
      res.end(JSON.stringify({ keys: state.published.map((k) => k.publicJwk) }));
      return;
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = state as RogueProvider;
  provider.sign = async (claims = {}, header = {}, signWith = provider.key) => {
    const now = Math.floor(Date.now() / 1000);
    const body = {
      iss: provider.issuer,
      aud: provider.audience,
      sub: 'pwd-clerk',
      iat: now,
      exp: now + 300,
      client_id: 'city-dev-app',
      name: 'Robin Intake (synthetic)',
      department: 'PWD',
      roles: ['311.intake'],
      clearance: 'internal',
      employee_type: 'employee',
      ...claims,
    };
    for (const [k, v] of Object.entries(body))
      if (v === undefined) delete (body as Record<string, unknown>)[k];
    return new SignJWT(body)
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: signWith.kid, ...header } as never)
      .sign(signWith.privateKey);
  };
  provider.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return provider;
}
