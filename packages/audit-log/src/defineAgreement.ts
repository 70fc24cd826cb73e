import { invalidInput } from './internal/invalidInput';
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
    throw invalidInput('INVALID_AGREEMENT', 'invalid data-sharing agreement', parsed.error.issues, {
      cause: parsed.error,
    });
  }
  return parsed.data as DataSharingAgreement;
}
