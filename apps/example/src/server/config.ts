import { dirname, join } from 'node:path';
import { CaseDeskError } from './CaseDeskError';

/** Where the app keeps its state and who signs people in, read from the environment. */
export interface CaseDeskConfig {
  port: number;
  /** The public origin, e.g. `https://casedesk.boston.gov` (default `http://localhost:<port>`). */
  publicUrl: string | undefined;
  /** PostgreSQL connection string; without it PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** PGlite folder; `memory` keeps the database in memory (tests). */
  dataDir: string;
  /** PostgreSQL schema for the app's tables (the audit tables live in `<schema>_audit`). */
  schema: string;
  /** A real OpenID provider; without it the dev IdP starts in-process. */
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined } | undefined;
  /** `database`: sessions in the app database, so several instances share them. */
  /** `memory` (one instance), `database` (the app database) or `redis` (at `redisUrl`). */
  sessionStore: 'memory' | 'database' | 'redis';
  /** With `sessionStore: 'redis'`: the server's `redis://` or `rediss://` URL. */
  redisUrl?: string | undefined;
  /** Cookie encryption secret (at least 32 characters); generated and kept in the database when absent. */
  sessionSecret: string | undefined;
  /**
   * The audit log's checkpoint signing key (Ed25519, PKCS #8 PEM, `AUDIT_SIGNING_KEY`);
   * generated and kept in the database when absent (development only).
   */
  auditSigningKey: string | undefined;
  /**
   * Where signed audit checkpoints are exported, outside the audit store (`AUDIT_CHECKPOINT_DIR`,
   * beside the PGlite folder: `<dataDir>/../audit-checkpoints`); undefined with an in-memory database: kept in memory.
   */
  auditCheckpointDir: string | undefined;
  /** How many synthetic requests to seed into an empty database. */
  seedCount: number;
  /** Express `trust proxy`: hops of reverse proxies in front (for client addresses in rate limits). */
  trustProxy: number;
  /** `production` refuses unsafe settings (see {@link readConfig}). */
  production: boolean;
  /** Requests per minute per client on the API (default 600) and on sign-in (default 30). */
  rateLimits: { api: number; signIn: number };
}

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

/**
 * With `NODE_ENV=production` the app refuses to start without an https `PUBLIC_URL` (an explicit
 * `http://localhost` or `http://127.0.0.1` origin is allowed, to test a production build
 * locally), a `SESSION_SECRET`, an `AUDIT_SIGNING_KEY`, and a real OpenID issuer (the dev IdP never
 * runs in production).
 */
function checkProduction(env: NodeJS.ProcessEnv): void {
  const problems: string[] = [];
  const url = env.PUBLIC_URL;
  if (!url) problems.push('PUBLIC_URL must be set (the https origin people use)');
  else {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`PUBLIC_URL ${JSON.stringify(url)} is not a URL`);
    }
    if (parsed && parsed.protocol !== 'https:' && !LOCAL_ORIGIN.test(url.replace(/\/$/, ''))) {
      problems.push('PUBLIC_URL must be https (or exactly http://localhost or http://127.0.0.1)');
    }
  }
  if (!env.SESSION_SECRET) problems.push('SESSION_SECRET must be set (32 characters or more)');
  // A signing key kept in the audit log's own database would let its administrators sign a
  // rewritten history: production takes it from the secret store.
  if (!env.AUDIT_SIGNING_KEY) {
    problems.push('AUDIT_SIGNING_KEY must be set (Ed25519 PKCS #8 PEM, from the secret store)');
  }
  if (!env.OIDC_ISSUER) {
    problems.push(
      'OIDC_ISSUER must name the City identity provider (the dev IdP is for development)',
    );
  }
  if (problems.length > 0) {
    throw new CaseDeskError(
      'invalid_configuration',
      `Refusing to start with NODE_ENV=production: ${problems.join('; ')}`,
    );
  }
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new CaseDeskError(
      'invalid_configuration',
      `${name} must be a positive integer, got ${raw}`,
    );
  }
  return n;
}

/** Reads {@link CaseDeskConfig} from environment variables, failing with a clear message. */
export function readConfig(env: NodeJS.ProcessEnv, defaults: { dataDir: string }): CaseDeskConfig {
  const production = env.NODE_ENV === 'production';
  if (production) checkProduction(env);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CaseDeskError('invalid_configuration', `PORT must be 0..65535, got ${env.PORT}`);
  }
  // Synthetic records are for development: production seeds nothing unless asked.
  const seedCount = Number(env.CASE_DESK_SEED_COUNT ?? (production ? 0 : 20000));
  if (!Number.isInteger(seedCount) || seedCount < 0) {
    throw new CaseDeskError(
      'invalid_configuration',
      `CASE_DESK_SEED_COUNT must be a non-negative integer, got ${env.CASE_DESK_SEED_COUNT}`,
    );
  }
  const storeSetting = env.SESSION_STORE ?? 'memory';
  const redisUrl = /^rediss?:\/\//.test(storeSetting) ? storeSetting : undefined;
  const store = redisUrl ? 'redis' : storeSetting;
  if (store !== 'memory' && store !== 'database' && store !== 'redis') {
    throw new CaseDeskError(
      'invalid_configuration',
      `SESSION_STORE must be "memory", "database" or a redis:// URL, got ${JSON.stringify(store)}`,
    );
  }
  let oidc: CaseDeskConfig['oidc'];
  if (env.OIDC_ISSUER) {
    if (!env.OIDC_CLIENT_ID) {
      throw new CaseDeskError('invalid_configuration', 'OIDC_ISSUER is set without OIDC_CLIENT_ID');
    }
    oidc = {
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
    };
  }
  const schema = env.DATABASE_SCHEMA ?? 'case_desk';
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(schema)) {
    throw new CaseDeskError(
      'invalid_configuration',
      `DATABASE_SCHEMA ${schema} is not a plain name`,
    );
  }
  if (env.SESSION_SECRET !== undefined && env.SESSION_SECRET.length < 32) {
    throw new CaseDeskError(
      'invalid_configuration',
      'SESSION_SECRET must be at least 32 characters',
    );
  }
  const dataDir = env.CASE_DESK_DATA_DIR ?? defaults.dataDir;
  return {
    port,
    publicUrl: env.PUBLIC_URL,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    schema,
    oidc,
    sessionStore: store,
    redisUrl,
    sessionSecret: env.SESSION_SECRET,
    auditSigningKey: env.AUDIT_SIGNING_KEY || undefined,
    auditCheckpointDir:
      env.AUDIT_CHECKPOINT_DIR ||
      (dataDir === 'memory' ? undefined : join(dirname(dataDir), 'audit-checkpoints')),
    seedCount,
    production,
    trustProxy: env.TRUST_PROXY ? positiveInt(env, 'TRUST_PROXY', 1) : 0,
    rateLimits: {
      api: positiveInt(env, 'RATE_LIMIT_API_PER_MINUTE', 600),
      signIn: positiveInt(env, 'RATE_LIMIT_SIGN_IN_PER_MINUTE', 30),
    },
  };
}
