// The dev IdP as its own process, for several Case Desk instances (a load balancer, two
// terminals): `npm run dev-idp`. Every instance then names it with OIDC_ISSUER, so they share one
// issuer, as instances of a real deployment share the City's IdP. (Each instance's in-process
// dev IdP has its own signing keys and sessions, so a sign-out sent to the other instance would
// carry an ID token its IdP cannot validate.) Development only: the dev IdP refuses to start
// unless NODE_ENV is unset, development or test.
//
// Settings: DEV_IDP_PORT (default 4010), CASE_DESK_URLS (the instances' public origins, comma
// separated; default http://localhost:3000), OIDC_CLIENT_ID (default case-desk) and
// OIDC_CLIENT_SECRET (generated and printed when unset).
import { randomBytes } from 'node:crypto';
import { startDevIdp } from '@cityofboston/auth-client/dev-idp';
import { caseDeskPersonas } from './devPersonas';

const port = Number(process.env.DEV_IDP_PORT ?? '4010');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`DEV_IDP_PORT must be a port number, got ${process.env.DEV_IDP_PORT}`);
  process.exit(78);
}
const origins = (process.env.CASE_DESK_URLS ?? 'http://localhost:3000')
  .split(',')
  .map((u) => u.trim().replace(/\/+$/, ''))
  .filter(Boolean);
for (const origin of origins) {
  if (!URL.canParse(origin) || !/^https?:$/.test(new URL(origin).protocol)) {
    console.error(`CASE_DESK_URLS: ${origin} is not an http(s) origin`);
    process.exit(78);
  }
}
const clientId = process.env.OIDC_CLIENT_ID || 'case-desk';
const clientSecret = process.env.OIDC_CLIENT_SECRET || randomBytes(24).toString('base64url');

const idp = await startDevIdp({
  port,
  personas: caseDeskPersonas(),
  clients: [
    {
      clientId,
      clientSecret,
      redirectUris: origins.map((o) => `${o}/auth/callback`),
      postLogoutRedirectUris: origins.map((o) => `${o}/`),
    },
  ],
});
console.log(
  JSON.stringify({
    level: 30,
    time: new Date().toISOString(),
    msg: `dev IdP running at ${idp.issuer}`,
    issuer: idp.issuer,
    clients: origins,
  }),
);
if (!process.env.OIDC_CLIENT_SECRET) {
  console.log(
    `Start each instance with OIDC_ISSUER=${idp.issuer} OIDC_CLIENT_ID=${clientId} OIDC_CLIENT_SECRET=${clientSecret}`,
  );
}
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void idp.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
