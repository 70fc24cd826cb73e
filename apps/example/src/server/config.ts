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
  /** How many synthetic requests to seed into an empty database. */
  seedCount: number;
}

/** Reads {@link CaseDeskConfig} from environment variables, failing with a clear message. */
export function readConfig(env: NodeJS.ProcessEnv, defaults: { dataDir: string }): CaseDeskConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CaseDeskError('invalid_configuration', `PORT must be 0..65535, got ${env.PORT}`);
  }
  const seedCount = Number(env.CASE_DESK_SEED_COUNT ?? 20000);
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
  return {
    port,
    publicUrl: env.PUBLIC_URL,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.CASE_DESK_DATA_DIR ?? defaults.dataDir,
    schema,
    oidc,
    sessionStore: store,
    redisUrl,
    sessionSecret: env.SESSION_SECRET,
    seedCount,
  };
}
