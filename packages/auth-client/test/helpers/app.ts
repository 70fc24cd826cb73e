// A department app for tests: Express 5 with the BFF's router and protected routes, on
// 127.0.0.1, registered with a dev IdP started for it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { type DevIdp, type DevPersona, startDevIdp } from '../../src/devIdp';
import { type AuthEvent, type Bff, type BffOptions, createBff } from '../../src/server';

export interface TestApp {
  idp: DevIdp;
  bff: Bff;
  origin: string;
  events: AuthEvent[];
  close(): Promise<void>;
}

export async function startTestApp(
  bffOptions: Partial<BffOptions> = {},
  idpOptions: {
    personas?: DevPersona[];
    accessTokenTtl?: number;
    signingAlgorithm?: 'ES256' | 'RS256';
  } = {},
): Promise<TestApp> {
  let handler: ((req: never, res: never) => void) | undefined;
  const server: Server = createServer((req, res) => handler?.(req as never, res as never));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const idp = await startDevIdp({
    ...idpOptions,
    clients: [
      {
        clientId: 'case-desk',
        clientSecret: 'case-desk-secret-for-tests-only',
        redirectUris: [`${origin}/auth/callback`],
        postLogoutRedirectUris: [`${origin}/`],
        backchannelLogoutUri: `${origin}/auth/backchannel-logout`,
      },
    ],
  });
  const events: AuthEvent[] = [];
  const bff = createBff({
    issuer: idp.issuer,
    clientId: 'case-desk',
    clientSecret: 'case-desk-secret-for-tests-only',
    baseUrl: origin,
    secret: 'a-test-secret-of-at-least-32-characters!!',
    onEvent: (event) => {
      events.push(event);
    },
    ...bffOptions,
  });
  const app = express();
  app.use(bff.express() as never);
  app.get('/api/me', bff.requireAuth().express as never, (_req, res) => {
    res.json({ principal: res.locals.principal });
  });
  app.get(
    '/api/pwd-cases',
    bff.requireAuth({ department: 'PWD', roles: ['case.manager'] }).express as never,
    (_req, res) => {
      res.json({ ok: true });
    },
  );
  app.get(
    '/api/restricted',
    bff.requireAuth({ clearance: 'restricted' }).express as never,
    (_req, res) => {
      res.json({ ok: true });
    },
  );
  app.get(
    '/api/mfa',
    bff.requireAuth({ acr: 'urn:cityofboston:acr:mfa' }).express as never,
    (_req, res) => {
      res.json({ ok: true });
    },
  );
  app.post('/api/cases', bff.requireAuth().express as never, (_req, res) => {
    res.status(201).json({ created: true });
  });
  app.get('/', (_req, res) => {
    res.send('home');
  });
  handler = app as never;
  return {
    idp,
    bff,
    origin,
    events,
    close: async () => {
      await idp.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
