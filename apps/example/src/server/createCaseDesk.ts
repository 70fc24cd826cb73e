import { createPublicKey, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  type AuditLog,
  auditMiddleware,
  createAuditLog,
  generateCheckpointKeys,
  verifierKey,
} from '@cityofboston/audit-log';
import { type DevIdp, type DevPersona, startDevIdp } from '@cityofboston/auth-client/dev-idp';
import {
  type Bff,
  createBff,
  MemorySessionStore,
  PostgresSessionStore,
  RedisSessionStore,
  type SessionStore,
} from '@cityofboston/auth-client/server';
import type { Principal } from '@cityofboston/standards-schema';
import express from 'express';
import { AuditOutbox } from './AuditOutbox';
import { AccessIndex } from './access/AccessIndex';
import { apiRouter, problemHandler } from './api';
import { AuditCheckpoints } from './audit/AuditCheckpoints';
import { People } from './audit/People';
import { CaseRepository } from './cases/CaseRepository';
import type { CaseDeskConfig } from './config';
import { type Database, openPglite, openPostgres } from './database';
import { caseDeskPersonas } from './devPersonas';
import { healthRouter } from './health/healthRouter';
import { IdempotencyKeys } from './http/IdempotencyKeys';
import { rateLimits } from './http/rateLimits';
import { createLogger, requestLogger } from './http/requestLogger';
import { securityHeaders } from './http/securityHeaders';
import { closeRedis, connectRedis, type RedisConnection } from './redisConnection';
import { ShareManifests } from './sharing/ShareManifests';

/** A running Case Desk. */
export interface CaseDesk {
  /** Where it listens, e.g. `http://localhost:3000`. */
  url: string;
  /** The dev IdP's personas (empty with a real IdP). */
  personas: readonly DevPersona[];
  /** How many requests were seeded at this start (0 when the database already had them). */
  seeded: number;
  db: Database;
  cases: CaseRepository;
  log: AuditLog;
  /** The audit events of changes, committed with the change and delivered to `log`. */
  outbox: AuditOutbox;
  bff: Bff;
  idp: DevIdp | undefined;
  close(): Promise<void>;
}

/** Options beyond the environment. */
export interface CaseDeskOptions {
  /** Folder of the built client (`index.html` and assets); omitted: the API only. */
  clientDir?: string;
  /** Host to listen on (default `127.0.0.1`). */
  host?: string;
  /** Where the JSON log lines go (default standard output). Lines carry no query strings or bodies. */
  logLine?: (line: string) => void;
  /** Called as a large seed progresses, with the number of cases seeded so far. */
  onSeedProgress?: (done: number) => void;
  /** How long shutdown waits for requests in flight before closing their connections (10 s). */
  drainMs?: number;
}

const APP = { name: '311-case-desk', version: '0.0.0', department: 'PWD' };

/**
 * Starts the 311 Case Desk: opens the database (PGlite or PostgreSQL), seeds it once, starts the
 * dev IdP unless a real one is configured, and serves the BFF, the API and the client.
 */
export async function createCaseDesk(
  config: CaseDeskConfig,
  options: CaseDeskOptions = {},
): Promise<CaseDesk> {
  const logger = createLogger(options.logLine);
  const logLine = (line: string) => logger.warn(line);
  const host = options.host ?? '127.0.0.1';
  let handler: express.Express | undefined;
  const server: Server = createServer((req, res) => {
    if (handler) handler(req, res);
    else {
      res.statusCode = 503;
      res.end('Starting');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin =
    config.publicUrl ??
    `http://${host === '127.0.0.1' && config.port !== 0 ? 'localhost' : host}:${port}`;

  const state = { draining: false };
  const closers: (() => Promise<void>)[] = [];
  let outboxRef: AuditOutbox | undefined;
  // Graceful shutdown: stop accepting, let requests in flight finish (up to drainMs), deliver
  // the audit outbox, then close the services in the reverse order of their start.
  const close = async () => {
    state.draining = true;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), options.drainMs ?? 10_000);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
    if (outboxRef) {
      outboxRef.stop();
      await outboxRef.drain().catch(() => 0);
    }
    for (const fn of closers.reverse()) await fn().catch(() => {});
  };
  try {
    let db: Database;
    if (config.databaseUrl) db = await openPostgres(config.databaseUrl);
    else {
      if (config.dataDir !== 'memory' && !existsSync(config.dataDir)) {
        mkdirSync(config.dataDir, { recursive: true });
      }
      db = await openPglite(config.dataDir);
    }
    closers.push(() => db.close());
    const cases = new CaseRepository(db, config.schema);
    await cases.migrate();
    await new IdempotencyKeys(db, config.schema).migrate();
    const shareManifests = new ShareManifests(db, config.schema);
    await shareManifests.migrate();
    const people = new People(db, config.schema);
    await people.migrate();
    const accessIndex = new AccessIndex(db, config.schema);
    const indexIsNew = await accessIndex.migrate();
    const seeded = await cases.seed(config.seedCount, options.onSeedProgress);
    const secret =
      config.sessionSecret ??
      (await cases.setting('session-secret', () => randomBytes(32).toString('base64url')));
    // 32 random bytes (base64url): the least share() and the log's details hashing accept.
    const pseudonymKey = await cases.setting('pseudonym-key', () =>
      randomBytes(32).toString('base64url'),
    );
    // The key that signs the log's checkpoints, kept like the session secret: from the
    // environment, or generated once and kept in the database (development).
    const signingKey =
      config.auditSigningKey ??
      (await cases.setting('audit-signing-key', () => generateCheckpointKeys().privateKey));
    const auditOrigin = `boston.gov/audit/${APP.name}/${config.schema}`;
    const checkpoints = {
      exported: new AuditCheckpoints(config.auditCheckpointDir),
      verifierKey: verifierKey(auditOrigin, createPublicKey(signingKey)),
      origin: auditOrigin,
    };

    const log = createAuditLog({
      app: APP,
      store: db.auditStore(`${config.schema}_audit`),
      details: { hashKey: pseudonymKey },
      closeStore: true,
      // Checkpoints go to a folder outside the audit store; "verify" trusts what is there.
      signer: { privateKey: signingKey, origin: auditOrigin },
      sinks: [checkpoints.exported.sink],
      onError: () => logLine('[audit] a checkpoint could not be stored or exported'),
    });
    closers.push(() => log.close());
    const outbox = new AuditOutbox(db, config.schema, log, APP, () =>
      logLine('[audit] an outbox event could not be delivered yet; it will be retried'),
    );
    await outbox.migrate();
    outbox.start();
    // An index new on a log that already holds events: index those once, in the background.
    if (indexIsNew && (await log.store.query({ limit: 1 })).events.length > 0) {
      void accessIndex.backfill(log.store, shareManifests).then(
        (n) => logLine(`[audit] access index: ${n} earlier accesses indexed`),
        () => logLine('[audit] access index: the earlier accesses could not be indexed'),
      );
    }
    outboxRef = outbox;

    let idp: DevIdp | undefined;
    let oidc = config.oidc;
    if (!oidc) {
      if (config.sessionStore !== 'memory') {
        // Shared sessions mean several instances; each would have its own dev IdP, and a
        // sign-out sent to another instance than the sign-in fails at its IdP.
        logLine(
          '[auth] sessions are shared but this instance runs its own dev IdP: for several instances run `npm run dev-idp` once and set OIDC_ISSUER on each',
        );
      }
      const clientSecret = randomBytes(24).toString('base64url');
      idp = await startDevIdp({
        personas: caseDeskPersonas(),
        clients: [
          {
            clientId: 'case-desk',
            clientSecret,
            redirectUris: [`${origin}/auth/callback`],
            postLogoutRedirectUris: [`${origin}/`],
          },
        ],
      });
      const started = idp;
      closers.push(() => started.close());
      oidc = { issuer: idp.issuer, clientId: 'case-desk', clientSecret };
    }
    // Shared sessions use auth-client's own stores: the app database or Redis.
    let store: SessionStore = new MemorySessionStore();
    let redis: RedisConnection | undefined;
    if (config.sessionStore === 'database') {
      store = await PostgresSessionStore.create({ db, schema: config.schema, table: 'sessions' });
    } else if (config.sessionStore === 'redis' && config.redisUrl) {
      const connected = await connectRedis(config.redisUrl);
      closers.push(() => closeRedis(connected));
      store = new RedisSessionStore({ client: connected, prefix: 'case-desk:session:' });
      redis = connected;
    }
    const bff = createBff({
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      ...(oidc.clientSecret ? { clientSecret: oidc.clientSecret } : {}),
      baseUrl: origin,
      secret,
      store,
      sessionStorage: config.sessionStore === 'memory' ? 'cookie' : 'store',
      app: APP,
      onEvent: (event) => log.record(event).then(() => undefined),
    });

    const app = express();
    app.disable('x-powered-by');
    app.set('trust proxy', config.trustProxy);
    // Headers first, so every response has them: static files, the BFF and errors included.
    app.use(securityHeaders({ https: origin.startsWith('https:') }));
    app.use(requestLogger(logger));
    app.use(healthRouter({ db, log, issuer: oidc.issuer }, state));
    const limits = rateLimits({ ...config.rateLimits, redis });
    app.use(['/auth/login', '/auth/callback'], limits.signIn);
    app.use(bff.express() as unknown as express.RequestHandler);
    app.use(
      '/api',
      limits.api,
      people.middleware(),
      (_req, res, next) => {
        res.setHeader('cache-control', 'no-store');
        next();
      },
      auditMiddleware(log, {
        resolveActor: (req) => {
          const p = (req as unknown as { principal?: Principal }).principal;
          return p
            ? { type: 'user', id: p.sub, name: p.name, department: p.department, roles: p.roles }
            : undefined;
        },
        onError: () => logLine('[audit] an API request could not be recorded'),
      }) as unknown as express.RequestHandler,
      apiRouter({
        bff,
        log,
        checkpoints,
        db,
        cases,
        outbox,
        pseudonymKey,
        app: APP,
        shareManifests,
        people,
        accessIndex,
      }),
    );
    if (options.clientDir) {
      const dir = options.clientDir;
      app.use(
        express.static(dir, {
          index: false,
          setHeaders: (res) => res.setHeader('cache-control', 'no-cache'),
        }),
      );
      // The client's pages answer 200; any other path gets the client's "Page not found" with 404.
      const PAGES = /^\/(cases(\/\d{1,20})?|audit|share)?\/?$/;
      app.get(/^\/(?!api\/|auth\/).*/, (req, res) => {
        res.status(PAGES.test(req.path) ? 200 : 404).sendFile(join(dir, 'index.html'));
      });
    }
    app.use(problemHandler);
    handler = app;

    return {
      url: origin,
      personas: idp?.personas ?? [],
      seeded,
      db,
      cases,
      log,
      outbox,
      bff,
      idp,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
