import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The app's identity, from `city-app.json` (written by create-app). */
export interface AppInfo {
  name: string;
  title: string;
  department: { code: string; name: string };
  municipality: { name: string; shortName: string; domain: string };
}

/** Reads `city-app.json` from the project folder. */
export function readAppInfo(dir = process.cwd()): AppInfo {
  return JSON.parse(readFileSync(`${dir}/city-app.json`, 'utf8')) as AppInfo;
}

/** Settings from the environment (see `.env.example`). */
export interface Config {
  port: number;
  /** The URL people use, e.g. `https://permits.boston.gov`; default `http://localhost:<port>`. */
  publicUrl: string | undefined;
  /** PostgreSQL; without it the app uses embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** PGlite's folder, or `memory`. */
  dataDir: string;
  /** The City's identity provider; without it the dev IdP starts (never in production). */
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined } | undefined;
  /** Seals session cookies; required in production. */
  sessionSecret: string | undefined;
  /**
   * Signs the audit log's checkpoints (Ed25519, PKCS#8 PEM; `\n` escapes allowed); required in
   * production. In development a key is generated and kept in the app database.
   */
  auditSigningKey: string | undefined;
  /** Where signed checkpoints are exported, outside the database (`AUDIT_CHECKPOINT_DIR`). */
  auditCheckpointDir: string;
  production: boolean;
}

/** Problems with the environment, as sentences; the server refuses to start with any. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads {@link Config} from `env`; in production, OIDC and the session secret are required. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  }
  const oidc = env.OIDC_ISSUER
    ? {
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID ?? '',
        clientSecret: env.OIDC_CLIENT_SECRET || undefined,
      }
    : undefined;
  const problems: string[] = [];
  if (oidc && !oidc.clientId) problems.push('OIDC_CLIENT_ID is required with OIDC_ISSUER');
  if (production && !oidc)
    problems.push('OIDC_ISSUER and OIDC_CLIENT_ID are required in production');
  if (production && (env.SESSION_SECRET ?? '').length < 32) {
    problems.push('SESSION_SECRET (at least 32 characters) is required in production');
  }
  const auditSigningKey = env.AUDIT_SIGNING_KEY
    ? env.AUDIT_SIGNING_KEY.replaceAll('\\n', '\n')
    : undefined;
  if (production && !auditSigningKey) {
    problems.push(
      'AUDIT_SIGNING_KEY (an Ed25519 private key in PEM, from `npm run audit-keys`) is required in production',
    );
  }
  if (auditSigningKey) {
    try {
      if (createPrivateKey(auditSigningKey).asymmetricKeyType !== 'ed25519') {
        problems.push('AUDIT_SIGNING_KEY must be an Ed25519 key');
      }
    } catch {
      problems.push('AUDIT_SIGNING_KEY is not a private key in PEM');
    }
  }
  if (problems.length > 0) throw new ConfigError(problems.join('; '));
  return {
    port,
    publicUrl: env.PUBLIC_URL || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? '.data',
    oidc,
    sessionSecret: env.SESSION_SECRET || undefined,
    auditSigningKey,
    auditCheckpointDir: env.AUDIT_CHECKPOINT_DIR || '.audit-checkpoints',
    production,
  };
}
