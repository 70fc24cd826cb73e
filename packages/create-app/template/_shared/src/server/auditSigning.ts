import { createPrivateKey, createPublicKey } from 'node:crypto';
import { generateCheckpointKeys, verifierKey } from '@cityofboston/audit-log';
import type { AppInfo, Config } from './config';
import type { Settings } from './settings';

/** The key that signs the audit log's checkpoints, and what an auditor verifies them with. */
export interface AuditSigning {
  /** Ed25519 private key (PKCS#8 PEM). */
  privateKey: string;
  /** The checkpoints' origin line, e.g. `boston.gov/audit/permit-tracker`. */
  origin: string;
  /** The C2SP verifier key (`name+id+key`) an auditor holds; public. */
  verifierKey: string;
}

/** The origin the app's checkpoints carry. */
export function auditOrigin(info: AppInfo): string {
  return `${info.municipality.domain}/audit/${info.name}`;
}

/** The settings key of the development signing key. */
export const AUDIT_SIGNING_SETTING = 'audit-signing-key';

/** The signing key and its verifier key, from a PKCS#8 PEM private key. */
export function auditSigningFrom(privateKey: string, info: AppInfo): AuditSigning {
  const origin = auditOrigin(info);
  const publicKey = createPublicKey(createPrivateKey(privateKey))
    .export({ type: 'spki', format: 'pem' })
    .toString();
  return { privateKey, origin, verifierKey: verifierKey(origin, publicKey) };
}

/**
 * The checkpoint signing key, kept like the app's other secrets: `AUDIT_SIGNING_KEY` from the
 * environment (required in production, from the secret store), else generated once and kept in
 * the app database (development and tests only).
 */
export async function loadAuditSigning(
  config: Config,
  info: AppInfo,
  settings: Settings,
): Promise<AuditSigning> {
  const privateKey =
    config.auditSigningKey ??
    (await settings.get(AUDIT_SIGNING_SETTING, () => generateCheckpointKeys().privateKey));
  return auditSigningFrom(privateKey, info);
}
