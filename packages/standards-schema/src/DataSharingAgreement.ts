import { z } from 'zod';
import { Classification } from './classification';
import { REDACTION_METHODS } from './classified';
import { DepartmentCode } from './DepartmentCode';
import { publicMeta, tagFields } from './internal/tagFields';
import { DateTime } from './primitives/DateTime';

// Fields not tagged one by one below are public: Terms of a data-sharing agreement; no personal data.
const META = publicMeta('Terms of a data-sharing agreement; no personal data.');

/** De-identification methods an agreement may require: the redaction methods plus `pseudonymize`. */
export const DEIDENTIFICATION_METHODS = [...REDACTION_METHODS, 'pseudonymize'] as const;
/** One of {@link DEIDENTIFICATION_METHODS}. */
export type DeidentificationMethod = (typeof DEIDENTIFICATION_METHODS)[number];

/**
 * A data-sharing agreement between two departments (or with an outside party): which datasets,
 * for which purposes, up to which classification or which fields, de-identified how, for how
 * long, under which legal basis. The executive order asks for binding policies on data
 * sharing; `audit-log/sharing` enforces these.
 *
 * Modelled on the elements of the [ODRL 2.2](https://www.w3.org/TR/odrl-model/) policy model
 * (permission, purpose constraint, duties such as delete and no re-sharing).
 *
 * @example
 * ```ts
 * DataSharingAgreement.parse({
 *   id: 'dsa-2025-007', title: '311 street defects for BTD planning',
 *   provider: 'DoIT', recipient: 'BTD', datasets: ['ServiceRequest'],
 *   purposes: ['street-planning'], classificationCeiling: 'internal',
 *   validFrom: '2025-07-01T00:00:00-04:00', legalBasis: ['Executive Order 2025-08'],
 * });
 * ```
 */
export const DataSharingAgreement = z
  .object(
    tagFields(
      {
        id: z.string().min(1),
        title: z.string().min(1),
        provider: DepartmentCode,
        recipient: DepartmentCode,
        /** Schema or dataset names, e.g. `ServiceRequest`. */
        datasets: z.array(z.string().min(1)).min(1),
        purposes: z.array(z.string().min(1)).min(1),
        /** The highest classification the recipient may receive. */
        classificationCeiling: Classification.optional(),
        /** Field paths (as `fieldsOf` names them) the recipient may receive. */
        allowedFields: z.array(z.string().min(1)).optional(),
        /** Per field path, how to de-identify before sharing. */
        deidentification: z.record(z.string().min(1), z.enum(DEIDENTIFICATION_METHODS)).optional(),
        validFrom: DateTime,
        validUntil: DateTime.optional(),
        duties: z
          .object({
            deleteAfterDays: z.int().positive().optional(),
            noResharing: z.boolean().optional(),
          })
          .optional(),
        /** Laws, orders or contracts the sharing relies on. */
        legalBasis: z.array(z.string().min(1)).min(1),
      },
      META,
    ),
  )
  .refine((a) => a.validUntil === undefined || Date.parse(a.validUntil) > Date.parse(a.validFrom), {
    message: 'validUntil must be after validFrom',
    path: ['validUntil'],
  })
  .meta({
    id: 'DataSharingAgreement',
    title: 'DataSharingAgreement',
    description: 'A data-sharing agreement between departments.',
  });
/** A data-sharing agreement between departments. */
export type DataSharingAgreement = z.infer<typeof DataSharingAgreement>;
