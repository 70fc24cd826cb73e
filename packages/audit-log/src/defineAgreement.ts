import { type AuditIssue, AuditLogError } from './errors';
import { DataSharingAgreement } from './internal/schemas';

export type { DataSharingAgreement };

/**
 * Checks a data-sharing agreement against the `DataSharingAgreement` schema and returns it typed
 * (dates normalized by the schema).
 *
 * @throws AuditLogError `INVALID_AGREEMENT` with the zod issues (path says which field).
 * @example
 * ```ts
 * const agreement = defineAgreement({
 *   id: 'dsa-2026-004', title: '311 street defects for BTD planning',
 *   provider: 'DoIT', recipient: 'BTD', datasets: ['ServiceRequest'],
 *   purposes: ['street-planning'], classificationCeiling: 'internal',
 *   deidentification: { 'contact.email': 'pseudonymize' },
 *   validFrom: '2026-01-01T00:00:00Z', legalBasis: ['Executive Order 2025-08'],
 * });
 * ```
 */
export function defineAgreement(input: unknown): DataSharingAgreement {
  const parsed = DataSharingAgreement.safeParse(input);
  if (!parsed.success) {
    const issues: AuditIssue[] = parsed.error.issues.map(
      (i: { code: string; path: PropertyKey[]; message: string }) => ({
        code: i.code,
        path: i.path,
        message: i.message,
      }),
    );
    throw new AuditLogError(
      'INVALID_AGREEMENT',
      `invalid data-sharing agreement: ${issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
      { issues, cause: parsed.error },
    );
  }
  return parsed.data as DataSharingAgreement;
}
