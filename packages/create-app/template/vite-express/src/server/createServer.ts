import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type AuditLog, auditMiddleware, createAuditLog } from '@cityofboston/audit-log';
import { directorySink } from '@cityofboston/audit-log/node';
import type { DevIdp } from '@cityofboston/auth-client/dev-idp';
import { type Bff, createBff, PostgresSessionStore } from '@cityofboston/auth-client/server';
import type { Principal } from '@cityofboston/standards-schema';
import express from 'express';
import { problemHandler } from './AppError';
import { AuditOutbox } from './AuditOutbox';
import { type AuditSigning, loadAuditSigning } from './auditSigning';
import type { AppInfo, Config } from './config';
import { AUDIT_SCHEMA, type Database, openPglite, openPostgres } from './database';
import { devPersonas } from './devPersonas';
import { requestsRouter } from './requestsRouter';
import { openSettings } from './settings';
import { WorkRequestRepository } from './WorkRequestRepository';

/** A running app. */
export interface RunningApp {
  url: string;
  db: Database;
  log: AuditLog;
  outbox: AuditOutbox;
  /** The checkpoint signing key's origin and verifier key (what an auditor holds). */
  audit: Omit<AuditSigning, 'privateKey'>;
  bff: Bff;
  /** The dev IdP when no OIDC issuer is configured (development and tests). */
  idp: DevIdp | undefined;
  close(): Promise<void>;
}

/**
 * Starts the app: the database (PGlite or PostgreSQL), the audit log and its outbox, sign-in
 * (the City's IdP from the environment, or the dev IdP in development), the API and the client.
 */
export async function createServer(
  config: Config,
  info: AppInfo,
  options: { clientDir?: string; host?: string; log?: (line: string) => void } = {},
): Promise<RunningApp> {
  const logLine = options.log ?? ((line: string) => console.log(line));
  const host = options.host ?? '127.0.0.1';
  let handler: express.Express | undefined;
  const server = createHttpServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end('Starting');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const origin = config.publicUrl ?? `http://localhost:${port}`;
  const closers: (() => Promise<unknown>)[] = [
    () => new Promise<void>((resolve) => server.close(() => resolve())),
  ];
  const close = async () => {
    server.closeAllConnections();
    for (const fn of closers.reverse()) await fn().catch(() => {});
  };
  try {
    if (!config.databaseUrl && config.dataDir !== 'memory') {
      mkdirSync(config.dataDir, { recursive: true });
    }
    const db = config.databaseUrl
      ? await openPostgres(config.databaseUrl)
      : await openPglite(config.dataDir);
    closers.push(() => db.close());
    const settings = await openSettings(db);
    const setting = (key: string) => settings.get(key);
    const requests = new WorkRequestRepository(db);
    await requests.migrate();
    const app = { name: info.name, version: '0.1.0', department: info.department.code };
    // Checkpoints are signed with a key kept like the other secrets, and exported to a folder
    // outside the database: `npm run compliance` (or `city-audit verify`) checks the log
    // against them with the verifier key.
    const signing = await loadAuditSigning(config, info, settings);
    mkdirSync(config.auditCheckpointDir, { recursive: true });
    const log = createAuditLog({
      app,
      store: db.auditStore(AUDIT_SCHEMA),
      details: { hashKey: await setting('audit-details-key') },
      signer: { privateKey: signing.privateKey, origin: signing.origin },
      sinks: [directorySink(config.auditCheckpointDir)],
      onError: () => logLine('[audit] a checkpoint could not be stored or exported'),
    });
    closers.push(() => log.close());
    const outbox = new AuditOutbox(db, log, () =>
      logLine('[audit] an outbox event could not be delivered yet; it will be retried'),
    );
    await outbox.migrate();
    outbox.start();
    closers.push(async () => outbox.stop());

    let idp: DevIdp | undefined;
    let oidc = config.oidc;
    if (!oidc) {
      // Loaded only here: production never loads the dev IdP (it refuses to start there anyway).
      const { startDevIdp } = await import('@cityofboston/auth-client/dev-idp');
      const clientSecret = randomBytes(24).toString('base64url');
      idp = await startDevIdp({
        personas: devPersonas(info.department.code),
        clients: [
          {
            clientId: info.name,
            clientSecret,
            redirectUris: [`${origin}/auth/callback`],
            postLogoutRedirectUris: [`${origin}/`],
          },
        ],
      });
      const started = idp;
      closers.push(() => started.close());
      oidc = { issuer: idp.issuer, clientId: info.name, clientSecret };
    }
    // Revocations, used logins and sign-outs survive restarts and are shared by every instance:
    // in the app database (PostgreSQL, or PGlite when embedded).
    const sessionStore = await PostgresSessionStore.create({ db, schema: 'app_sessions' });
    const purge = setInterval(
      () => {
        sessionStore.purgeExpired().catch(() => logLine('[auth] expired sessions not purged yet'));
      },
      6 * 60 * 60 * 1000,
    );
    purge.unref();
    closers.push(async () => clearInterval(purge));
    const bff = createBff({
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      ...(oidc.clientSecret ? { clientSecret: oidc.clientSecret } : {}),
      baseUrl: origin,
      secret: config.sessionSecret ?? (await setting('session-secret')),
      app,
      store: sessionStore,
      onEvent: (event) => log.record(event).then(() => undefined),
    });

    const web = express();
    web.disable('x-powered-by');
    web.use((req, res, next) => {
      const started = performance.now();
      res.on('finish', () => {
        // Paths only: query strings and bodies can carry personal data.
        logLine(
          `${req.method} ${req.originalUrl.split('?')[0]} ${res.statusCode} ${Math.round(performance.now() - started)}ms`,
        );
      });
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('referrer-policy', 'same-origin');
      next();
    });
    web.use(bff.express() as unknown as express.RequestHandler);
    web.use(
      '/api',
      (_req, res, next) => {
        res.setHeader('cache-control', 'no-store');
        next();
      },
      auditMiddleware(log, {
        resolveActor: (req) => {
          const p = (req as unknown as { principal?: Principal }).principal;
          return p
            ? { type: 'user', id: p.sub, department: p.department, roles: p.roles }
            : undefined;
        },
        onError: () => logLine('[audit] an API request could not be recorded'),
      }) as unknown as express.RequestHandler,
      requestsRouter({
        bff,
        db,
        log,
        outbox,
        requests,
        pseudonymKey: await setting('pseudonym-key'),
      }),
    );
    if (options.clientDir) {
      const dir = options.clientDir;
      web.use(express.static(dir, { index: false }));
      web.get(/^\/(?!api\/|auth\/).*/, (_req, res) => {
        res.setHeader(
          'content-security-policy',
          "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
        );
        res.sendFile(join(dir, 'index.html'));
      });
    }
    web.use(problemHandler);
    handler = web;
    const audit = { origin: signing.origin, verifierKey: signing.verifierKey };
    return { url: origin, db, log, outbox, audit, bff, idp, close };
  } catch (error) {
    await close();
    throw error;
  }
}
