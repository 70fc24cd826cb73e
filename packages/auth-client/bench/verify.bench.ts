// verifyAccessToken against a bare jose jwtVerify: the same ES256 key, the same claims. Ours
// also checks the header allow-list, typ, required claims and azp, and builds a validated
// Principal; the peer checks the signature, iss, aud and exp only. Every iteration verifies
// another token (1,000 signed up front, distinct jti), the same sequence on both sides, so
// nothing can be answered from a cache of earlier verdicts.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { compare } from '../../../bench/harness';
import { verifyAccessToken } from '../src/server';

const { privateKey, publicKey } = await generateKeyPair('ES256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' };
const server = createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  if (req.url === '/.well-known/openid-configuration') {
    res.end(
      JSON.stringify({
        issuer,
        jwks_uri: `${issuer}/jwks`,
        authorization_endpoint: `${issuer}/auth`,
        response_types_supported: ['code'],
      }),
    );
  } else res.end(JSON.stringify({ keys: [jwk] }));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const audience = 'urn:cityofboston:api';

const tokens: string[] = [];
for (let i = 0; i < 1000; i++) {
  tokens.push(
    await new SignJWT({
      client_id: 'case-desk',
      name: 'Casey Manager (synthetic)',
      email: 'casey.manager@dev.invalid',
      department: 'PWD',
      roles: ['case.manager', '311.intake'],
      clearance: 'confidential',
      employee_type: 'employee',
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'bench' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('pwd-case-manager')
      .setJti(`bench-${i}`)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey),
  );
}
let ourNext = 0;
let peerNext = 0;
const next = (i: number) => tokens[i % tokens.length] as string;

const options = { issuer, audience };
await verifyAccessToken(next(0), options); // fetch discovery and the JWKS once, as a live API would

await compare({
  name: 'verifyAccessToken',
  ours: {
    label: 'verifyAccessToken (Principal)',
    fn: () => verifyAccessToken(next(ourNext++), options),
  },
  peer: {
    label: 'jose jwtVerify',
    fn: () => jwtVerify(next(peerNext++), publicKey, { issuer, audience, algorithms: ['ES256'] }),
  },
  goal: '≥ 0.9',
  // Longer than the default second: an ES256 verification waits on the thread pool, and on a
  // shared machine one second of it is noisy.
  time: 3000,
});
server.close();
