import { existsSync } from 'node:fs';
import { verify } from '@cityofboston/audit-log';
import { readConfig } from '../src/server/config';
import { AUDIT_SCHEMA, openPglite, openPostgres } from '../src/server/database';

/** How the app audits (what src/server/createServer.ts and the routers configure). */
export const AUDIT_CONFIGURATION = {
  library: '@cityofboston/audit-log',
  store: 'the app database, schema "audit" (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL)',
  integrity:
    "hash chain over RFC 8785 canonical JSON events (verify() checks every event's hash and link)",
  details: 'event details are redacted by their classification; hashed values use a per-app key',
  changes:
    'written to audit_outbox in the same transaction as the change, then delivered to the log (outbox pattern)',
  reads: 'every list and detail view of personal data is recorded with the records it showed',
  requests: 'auditMiddleware records each /api request with its actor and outcome',
  signIn: 'sign-in, sign-out and session events from the BFF (onEvent)',
};

/** The configuration and a verification of the app's own log, where it keeps it. */
export async function auditReport(): Promise<Record<string, unknown>> {
  const config = readConfig();
  if (!config.databaseUrl && !existsSync(config.dataDir)) {
    return {
      configuration: AUDIT_CONFIGURATION,
      verification: {
        verified: false,
        reason: `no audit log yet: ${config.dataDir} does not exist (start the app once with npm start)`,
      },
    };
  }
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPglite(config.dataDir);
  try {
    const result = await verify(db.auditStore(AUDIT_SCHEMA));
    return {
      configuration: AUDIT_CONFIGURATION,
      verification: {
        verified: result.ok,
        where: config.databaseUrl ? 'DATABASE_URL' : config.dataDir,
        events: result.count,
        headHash: result.headHash,
        checkpointsChecked: result.checkpointsChecked,
        ...(result.firstBad ? { firstBad: result.firstBad } : {}),
        at: new Date().toISOString(),
      },
    };
  } finally {
    await db.close();
  }
}
