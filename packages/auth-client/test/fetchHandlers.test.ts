// The same BFF through fetch-standard handlers, mounted in Hono (as a Next.js route handler
// would be), and bearer verification of the dev IdP's real access tokens.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevIdp, startDevIdp } from '../src/devIdp';
import { createSealer } from '../src/internal/seal';
import { createBff, verifyAccessToken } from '../src/server';
import { Browser, signInAs } from './helpers/browser';

const SECRET = 'another-test-secret-at-least-32-chars-long';
let idp: DevIdp;
let server: Server;
let origin: string;

beforeAll(async () => {
  let app: Hono | undefined;
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const request = new Request(new URL(req.url ?? '/', origin), {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    const response = await (app as Hono).fetch(request);
    res.statusCode = response.status;
    response.headers.forEach((value, key) => {
      if (key !== 'set-cookie') res.setHeader(key, value);
    });
    res.setHeader('set-cookie', response.headers.getSetCookie());
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  idp = await startDevIdp({
    clients: [{ clientId: 'hono-app', redirectUris: [`${origin}/auth/callback`] }],
  });
  const bff = createBff({
    issuer: idp.issuer,
    clientId: 'hono-app',
    baseUrl: origin,
    secret: SECRET,
  });
  const guard = bff.requireAuth({ roles: ['auditor'] });
  app = new Hono();
  app.all('/auth/*', (c) => bff.handle(c.req.raw));
  app.get('/audit', (c) =>
    guard.handler(async (_request, { principal }) => Response.json({ who: principal.sub }))(
      c.req.raw,
    ),
  );
});
afterAll(async () => {
  await idp.close();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
});

describe('fetch-standard handlers in Hono, with a public client', () => {
  it('signs in and guards a route by role', async () => {
    const auditor = new Browser();
    const { response } = await signInAs(
      auditor,
      `${origin}/auth/login?returnTo=/audit`,
      'doit-auditor',
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ who: 'doit-auditor' });

    const clerk = new Browser();
    const denied = await signInAs(clerk, `${origin}/auth/login?returnTo=/audit`, 'pwd-clerk');
    expect(denied.response.status).toBe(403);
    expect((await denied.response.json()).code).toBe('forbidden_role');
  });

  it('the dev IdP issues JWT access tokens with roles, department and clearance that verifyAccessToken accepts', async () => {
    const browser = new Browser();
    await signInAs(browser, `${origin}/auth/login?returnTo=/audit`, 'doit-auditor');
    const sealed = browser.cookies.get('city-session')?.value ?? '';
    const session = (await (await createSealer([SECRET], 'hono-app')).unseal(sealed, 'session'))
      .s as {
      accessToken: string;
    };
    const header = JSON.parse(
      Buffer.from(session.accessToken.split('.')[0] ?? '', 'base64url').toString(),
    );
    expect(header).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    const { principal, claims } = await verifyAccessToken(session.accessToken, {
      issuer: idp.issuer,
      audience: idp.audience,
    });
    expect(claims.aud).toBe('urn:cityofboston:api');
    expect(principal).toMatchObject({
      sub: 'doit-auditor',
      department: 'DoIT',
      roles: ['auditor'],
      clearance: 'restricted',
    });
  });
});
