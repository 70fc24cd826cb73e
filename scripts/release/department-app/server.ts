// The department app's backend-for-frontend: the dev IdP in-process, the auth routes, one
// protected API route, and the built client. A department swaps startDevIdp for the City's IdP.
import { DEFAULT_DEV_CLIENT, startDevIdp } from '@cityofboston/auth-client/dev-idp';
import { createBff } from '@cityofboston/auth-client/server';
import express from 'express';

const port = Number(process.env.PORT ?? 3000);
const baseUrl = `http://127.0.0.1:${port}`;
const client = {
  ...DEFAULT_DEV_CLIENT,
  redirectUris: [`${baseUrl}/auth/callback`],
  postLogoutRedirectUris: [`${baseUrl}/`],
};
const idp = await startDevIdp({ clients: [client] });
const bff = createBff({
  issuer: idp.issuer,
  clientId: client.clientId,
  ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}),
  baseUrl,
  secret: 'department-app-rehearsal-session-secret',
});

const app = express();
app.use(bff.express());
app.get('/api/me', bff.requireAuth().express, (_req, res) => {
  res.json({ name: res.locals.principal?.name, department: res.locals.principal?.department });
});
app.use(express.static('dist'));
const server = app.listen(port, '127.0.0.1', () => console.log(`ready ${baseUrl}`));

const stop = async () => {
  server.close();
  await idp.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
