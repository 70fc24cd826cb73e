import {
  compareClassification,
  DataSharingAgreement,
  fieldsOf,
  ServiceRequest,
} from '@cityofboston/standards-schema';

/**
 * The data-sharing agreements Public Works holds for 311 requests. In a department app these
 * come from the City's agreement register; here they are fixed examples.
 */
export const AGREEMENTS: readonly DataSharingAgreement[] = [
  DataSharingAgreement.parse({
    id: 'dsa-pwd-btd-street-planning',
    title: 'Street planning with Transportation',
    provider: 'PWD',
    recipient: 'BTD',
    datasets: ['ServiceRequest'],
    purposes: ['street-planning'],
    classificationCeiling: 'internal',
    allowedFields: [
      'service_request_id',
      'status',
      'service_code',
      'service_name',
      'requested_datetime',
      'updated_datetime',
      'neighborhood',
      'zipcode',
      'ward',
      'precinct',
      'priority',
      'source',
      'lat',
      'long',
      'contact.email',
    ],
    deidentification: { lat: 'generalize', long: 'generalize', 'contact.email': 'pseudonymize' },
    validFrom: '2026-01-01T00:00:00Z',
    duties: { deleteAfterDays: 365, noResharing: true },
    legalBasis: ['City of Boston Executive Order on Technology Governance (2025)'],
  }),
  DataSharingAgreement.parse({
    id: 'dsa-pwd-isd-code-enforcement',
    title: 'Code enforcement follow-up with Inspectional Services',
    provider: 'PWD',
    recipient: 'ISD',
    datasets: ['ServiceRequest'],
    purposes: ['code-enforcement'],
    classificationCeiling: 'internal',
    allowedFields: [
      'service_request_id',
      'status',
      'service_code',
      'service_name',
      'requested_datetime',
      'address',
      'lat',
      'long',
      'description',
      'contact.first_name',
      'contact.last_name',
      'contact.phone',
    ],
    deidentification: {
      description: 'drop',
      'contact.first_name': 'truncate',
      'contact.last_name': 'truncate',
      'contact.phone': 'mask',
    },
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: '2028-01-01T00:00:00Z',
    duties: { deleteAfterDays: 90, noResharing: true },
    legalBasis: ['M.G.L. c. 143 (building inspections)'],
  }),
];

/** What happens to one field of a share. */
export interface FieldTreatment {
  path: string;
  classification: string;
  /** `keep`, a de-identification rule, `omitted` (not in the agreement) or `refused` (above ceiling). */
  treatment: string;
}

/** The field-by-field preview of sharing service requests under `agreement`. */
export function previewAgreement(agreement: DataSharingAgreement): FieldTreatment[] {
  const ceiling = agreement.classificationCeiling ?? 'restricted';
  const rules = agreement.deidentification ?? {};
  const allowed = agreement.allowedFields ? new Set(agreement.allowedFields) : undefined;
  return fieldsOf(ServiceRequest).map((info) => {
    const base = { path: info.path, classification: info.meta.classification };
    if (allowed && !allowed.has(info.path)) return { ...base, treatment: 'omitted' };
    const rule = rules[info.path];
    if (rule) return { ...base, treatment: rule };
    if (compareClassification(info.meta.classification, ceiling) > 0) {
      return { ...base, treatment: 'refused' };
    }
    return { ...base, treatment: 'keep' };
  });
}
