import { mkdirSync } from 'node:fs';
import { type AuditLog, createAuditLog } from '@cityofboston/audit-log';
import { directorySink } from '@cityofboston/audit-log/node';
import { type Bff, createBff, PostgresSessionStore } from '@cityofboston/auth-client/server';
import info from '../../city-app.json';
import { AuditOutbox } from './AuditOutbox';
import { type AuditSigning, loadAuditSigning } from './auditSigning';
import { type AppInfo, type Config, ConfigError, readConfig } from './config';
import { AUDIT_SCHEMA, type Database, openPglite, openPostgres } from './database';
import { openSettings } from './settings';
import { WorkRequestRepository } from './WorkRequestRepository';

/** The app's server side: one per process, shared by route handlers and server components. */
export interface App {
  info: AppInfo;
  config: Config;
  /** The URL people use (PUBLIC_URL, else http://localhost:PORT). */
  origin: string;
  /** The identity provider sign-in goes to. */
  issuer: string;
  db: Database;
  log: AuditLog;
  outbox: AuditOutbox;
  requests: WorkRequestRepository;
  bff: Bff;
  /** The checkpoint signing key's origin and verifier key (what an auditor holds). */
  audit: Omit<AuditSigning, 'privateKey'>;
  /** Key for the pseudonyms (HMAC) that replace hashed fields in redacted views. */
  pseudonymKey: string;
  close(): Promise<void>;
}

// Next.js bundles instrumentation, route handlers and pages separately: the one instance lives
// on globalThis, so every bundle in the process finds the same database and audit log.
const KEY = Symbol.for('city-app');
type Holder = { [KEY]?: Promise<App> };
const holder = globalThis as Holder;

/**
 * The settings come from the environment (see `.env.example`). `next start` always runs with
 * NODE_ENV=production, so development is said with APP_ENV=development (`npm start` does,
 * with the dev IdP as the issuer); anything else is production and must be configured.
 */
export function appConfig(env: Record<string, string | undefined> = process.env): Config {
  return readConfig({ ...env, NODE_ENV: env.APP_ENV || env.NODE_ENV });
}

/** Starts the app once per process (instrumentation calls it before the first request). */
export function startApp(): Promise<App> {
  holder[KEY] ??= open().catch((error: unknown) => {
    holder[KEY] = undefined;
    throw error;
  });
  return holder[KEY];
}

/** The running app (started on first use when instrumentation did not run, e.g. in tests). */
export const getApp = startApp;

/** Closes the app: the outbox is drained, the audit log flushed and its last checkpoint signed. */
export async function stopApp(): Promise<void> {
  const app = await holder[KEY];
  holder[KEY] = undefined;
  await app?.close();
}

async function open(): Promise<App> {
  const config = appConfig();
  if (!config.oidc) {
    throw new ConfigError(
      'OIDC_ISSUER is not set: start the app with `npm start` or `npm run dev` (which run the dev IdP in development), or set OIDC_*',
    );
  }
  const port = process.env.PORT ?? '3000';
  const origin = config.publicUrl ?? `http://localhost:${port}`;
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
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
    // outside the database: `npm run compliance` checks the log against them.
    const signing = await loadAuditSigning(config, info, settings);
    mkdirSync(config.auditCheckpointDir, { recursive: true });
    const log = createAuditLog({
      app,
      store: db.auditStore(AUDIT_SCHEMA),
      details: { hashKey: await setting('audit-details-key') },
      signer: { privateKey: signing.privateKey, origin: signing.origin },
      sinks: [directorySink(config.auditCheckpointDir)],
      onError: () => console.error('[audit] a checkpoint could not be stored or exported'),
    });
    closers.push(() => log.close());
    const outbox = new AuditOutbox(db, log, () =>
      console.error('[audit] an outbox event could not be delivered yet; it will be retried'),
    );
    await outbox.migrate();
    outbox.start();
    closers.push(async () => {
      outbox.stop();
      await outbox.drain();
    });
    // Revocations, used logins and sign-outs survive restarts and are shared by every instance.
    const sessionStore = await PostgresSessionStore.create({ db, schema: 'app_sessions' });
    const purge = setInterval(
      () => {
        sessionStore
          .purgeExpired()
          .catch(() => console.error('[auth] expired sessions not purged yet'));
      },
      6 * 60 * 60 * 1000,
    );
    purge.unref();
    closers.push(async () => clearInterval(purge));
    const bff = createBff({
      issuer: config.oidc.issuer,
      clientId: config.oidc.clientId,
      ...(config.oidc.clientSecret ? { clientSecret: config.oidc.clientSecret } : {}),
      baseUrl: origin,
      secret: config.sessionSecret ?? (await setting('session-secret')),
      app,
      store: sessionStore,
      onEvent: (event) => log.record(event).then(() => undefined),
    });
    return {
      info,
      config,
      origin,
      issuer: config.oidc.issuer,
      db,
      log,
      outbox,
      requests,
      bff,
      audit: { origin: signing.origin, verifierKey: signing.verifierKey },
      pseudonymKey: await setting('pseudonym-key'),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
