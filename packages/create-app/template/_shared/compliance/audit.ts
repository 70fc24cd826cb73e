import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verify } from '@cityofboston/audit-log';
import { AUDIT_SIGNING_SETTING, auditOrigin, auditSigningFrom } from '../src/server/auditSigning';
import { readAppInfo, readConfig } from '../src/server/config';
import { AUDIT_SCHEMA, openPglite, openPostgres } from '../src/server/database';
import { openSettings } from '../src/server/settings';

/** How the app audits (what the server and its API routes configure). */
export const AUDIT_CONFIGURATION = {
  library: '@cityofboston/audit-log',
  store: 'the app database, schema "audit" (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL)',
  integrity:
    "hash chain over RFC 8785 canonical JSON events and an RFC 9162 Merkle tree; C2SP checkpoints signed with the app's Ed25519 key (AUDIT_SIGNING_KEY) and exported to AUDIT_CHECKPOINT_DIR, outside the database",
  details: 'event details are redacted by their classification; hashed values use a per-app key',
  changes:
    'written to audit_outbox in the same transaction as the change, then delivered to the log (outbox pattern)',
  reads: 'every list and detail view of personal data is recorded with the records it showed',
  requests:
    'each /api request is recorded with its actor and outcome (auditMiddleware in Express, withAudit around route handlers)',
  signIn: 'sign-in, sign-out and session events from the BFF (onEvent)',
};

const notVerified = (reason: string) => ({
  configuration: AUDIT_CONFIGURATION,
  verification: { verified: false, reason },
});

/**
 * The configuration and a verification of the app's own log, where it keeps it: against the
 * verifier key (`AUDIT_VERIFIER_KEY`, else derived from the signing key) and the newest
 * checkpoint exported to `AUDIT_CHECKPOINT_DIR`, as an auditor would check it.
 */
export async function auditReport(): Promise<Record<string, unknown>> {
  const config = readConfig();
  const info = readAppInfo();
  if (!config.databaseUrl && !existsSync(config.dataDir)) {
    return notVerified(
      `no audit log yet: ${config.dataDir} does not exist (start the app once with npm start)`,
    );
  }
  const latest = join(config.auditCheckpointDir, 'latest.checkpoint');
  if (!existsSync(latest)) {
    return notVerified(
      `no exported checkpoint: ${latest} does not exist (start and stop the app once with npm start)`,
    );
  }
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPglite(config.dataDir);
  const store = db.auditStore(AUDIT_SCHEMA);
  try {
    let key = process.env.AUDIT_VERIFIER_KEY;
    if (!key) {
      const privateKey =
        config.auditSigningKey ?? (await (await openSettings(db)).find(AUDIT_SIGNING_SETTING));
      if (!privateKey) return notVerified('no AUDIT_VERIFIER_KEY or AUDIT_SIGNING_KEY is set');
      key = auditSigningFrom(privateKey, info).verifierKey;
    }
    const origin = auditOrigin(info);
    const result = await verify(store, {
      keys: [key],
      trusted: [readFileSync(latest, 'utf8')],
      origin,
    });
    return {
      configuration: AUDIT_CONFIGURATION,
      verification: {
        verified: result.ok,
        where: config.databaseUrl ? 'DATABASE_URL' : config.dataDir,
        events: result.count,
        headHash: result.headHash,
        rootHash: result.rootHash,
        verifierKey: key,
        trustedCheckpoint: latest,
        checkpointsChecked: result.checkpointsChecked,
        checkpointsIgnored: result.checkpointsIgnored,
        ...(result.firstBad ? { firstBad: result.firstBad } : {}),
        ...(result.ok ? {} : { problems: result.problems.slice(0, 10) }),
        at: new Date().toISOString(),
      },
    };
  } finally {
    await store.close();
    await db.close();
  }
}
