// verifyAccessToken against a bare jose jwtVerify: the same ES256 key, the same claims. Ours
// also checks the header allow-list, typ, required claims and azp, and builds a validated
// Principal; the peer checks the signature, iss, aud and exp only.
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

const token = await new SignJWT({
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
  .setIssuedAt()
  .setExpirationTime('1h')
  .sign(privateKey);

const options = { issuer, audience };
await verifyAccessToken(token, options); // fetch discovery and the JWKS once, as a live API would

await compare({
  name: 'verifyAccessToken',
  ours: { label: 'verifyAccessToken (Principal)', fn: () => verifyAccessToken(token, options) },
  peer: {
    label: 'jose jwtVerify',
    fn: () => jwtVerify(token, publicKey, { issuer, audience, algorithms: ['ES256'] }),
  },
  goal: '≥ 0.9',
});
server.close();
