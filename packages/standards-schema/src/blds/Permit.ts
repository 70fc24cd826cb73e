import { z } from 'zod';
import { classified, type FieldMeta } from '../classified';
import { publicMeta, tagFields } from '../internal/tagFields';
import { CalendarDate } from '../primitives/DateTime';

// Fields not tagged one by one below are public: Building permit data the City publishes (BLDS).
const META = publicMeta('Building permit data the City publishes (BLDS).');

/**
 * Free text applicants or staff write about a permit and its property: the package's rule for
 * free text (confidential, `freeText`, dropped below its level), since real records hold owners'
 * names (Tempe BP261951's ProjectName is "NEIBERGALL LIVING TRUST RESIDENCE").
 */
const APPLICANT_TEXT: FieldMeta = {
  classification: 'confidential',
  pii: { category: 'freeText', kind: 'quasi' },
  redact: 'drop',
  reason:
    'Free text written by applicants or staff about a property; real project names and descriptions hold owners’ names.',
};

// The mapped vocabularies are exactly the BLDS core permits table's
// (permitdata.org, Core Permits Dataset Requirements); nothing the table lacks.

/** BLDS `StatusCurrentMapped` values. */
export const BLDS_STATUSES = [
  'Application Accepted',
  'Fees/Payment',
  'In Review',
  'Permit Issued',
  'Inspection Phase',
  'Permit Finaled',
  'Permit Finaled with Conditions',
  'Occupancy',
  'Appeal',
  'Permit Cancelled',
] as const;
/**
 * BLDS `PermitClassMapped` values: `Residential` (single family, duplex) and `Non-Residential`
 * (commercial, industrial, institutional).
 */
export const BLDS_PERMIT_CLASSES = ['Residential', 'Non-Residential'] as const;
/** BLDS `WorkClassMapped` values. */
export const BLDS_WORK_CLASSES = ['New', 'Existing'] as const;
/** BLDS `PermitTypeMapped` values. */
export const BLDS_PERMIT_TYPES = [
  'Building',
  'Demolition',
  'Electrical',
  'Mechanical',
  'Plumbing',
  'Roof',
  'Fence',
  'Grading',
  'Pool/Spa',
] as const;
/** BLDS `ContractorTradeMapped` values. */
export const BLDS_CONTRACTOR_TRADES = [
  'General',
  'Electrical',
  'Mechanical',
  'Plumbing',
  'Architecture',
  'Engineering',
  'Masonry',
  'Sign',
  'Tent',
] as const;

/**
 * A building permit in the Building & Land Development Specification (BLDS) core permits
 * dataset: the required fields (permit number, description, address, an applied or issued date,
 * a completed date or current status), the recommended ones, and the mapped status, class,
 * work class and type vocabularies. Dates are `YYYY-MM-DD`.
 *
 * Standard: [BLDS Core Permits Dataset](https://github.com/open-data-standards/permitdata.org/wiki/Core-Permits-Dataset-Requirements).
 */
export const Permit = z
  .object(
    tagFields(
      {
        PermitNum: z.string().min(1),
        Description: classified(z.string().min(1), APPLICANT_TEXT),
        AppliedDate: CalendarDate.optional(),
        IssuedDate: CalendarDate.optional(),
        CompletedDate: CalendarDate.optional(),
        StatusCurrent: z.string().min(1).optional(),
        OriginalAddress1: classified(z.string().min(1), {
          classification: 'public',
          pii: { category: 'location.precise', kind: 'quasi' },
          reason: 'BLDS publishes the permit address; often someone’s home all the same.',
        }),
        OriginalAddress2: z.string().optional(),
        OriginalCity: z.string().min(1),
        OriginalState: z.string().regex(/^[A-Z]{2}$/, 'Expected a two-letter state code'),
        OriginalZip: z
          .string()
          .regex(/^\d{5}(?:-\d{4})?$/, 'Expected a ZIP code as text, e.g. 02118'),
        Jurisdiction: z.string().optional(),
        PermitClass: z.string().optional(),
        PermitClassMapped: z.enum(BLDS_PERMIT_CLASSES).optional(),
        StatusCurrentMapped: z.enum(BLDS_STATUSES).optional(),
        WorkClass: z.string().optional(),
        WorkClassMapped: z.enum(BLDS_WORK_CLASSES).optional(),
        PermitType: z.string().optional(),
        PermitTypeMapped: z.enum(BLDS_PERMIT_TYPES).optional(),
        PermitTypeDesc: z.string().optional(),
        StatusDate: CalendarDate.optional(),
        TotalSqFt: z.int().min(0).optional(),
        Link: z.url().optional(),
        Latitude: z.number().min(-90).max(90).optional(),
        Longitude: z.number().min(-180).max(180).optional(),
        EstProjectCost: z.number().min(0).optional(),
        HousingUnits: z.int().min(0).optional(),
        PIN: z.string().optional(),
        ContractorCompanyName: z.string().optional(),
        ContractorTrade: z.string().optional(),
        ContractorTradeMapped: z.enum(BLDS_CONTRACTOR_TRADES).optional(),
        ContractorLicNum: z.string().optional(),
        ContractorStateLic: z.string().optional(),
        ProposedUse: z.string().optional(),
        AddedSqFt: z.int().optional(),
        RemovedSqFt: z.int().optional(),
        MasterPermitNum: z.string().optional(),
        ExpiresDate: CalendarDate.optional(),
        COIssuedDate: CalendarDate.optional(),
        HoldDate: CalendarDate.optional(),
        VoidDate: CalendarDate.optional(),
        ProjectName: classified(z.string(), APPLICANT_TEXT).optional(),
        ProjectID: z.string().optional(),
        TotalFinishedSqFt: z.int().min(0).optional(),
        TotalUnfinishedSqFt: z.int().min(0).optional(),
        TotalHeatedSqFt: z.int().min(0).optional(),
        TotalUnHeatedSqFt: z.int().min(0).optional(),
        TotalAccSqFt: z.int().min(0).optional(),
        TotalSprinkledSqFt: z.int().min(0).optional(),
        Publisher: z.string().optional(),
        Fee: z.number().min(0).optional(),
        ContractorFullName: classified(z.string().min(1), {
          classification: 'public',
          pii: { category: 'identity.name', kind: 'direct' },
          reason: 'Published with the permit (a licensed contractor); may be an individual’s name.',
        }).optional(),
        ContractorCompanyDesc: z.string().optional(),
        ContractorPhone: classified(z.string().min(1), {
          classification: 'internal',
          pii: { category: 'contact.phone', kind: 'direct' },
          redact: 'mask',
          reason: 'A contractor working alone gives a personal phone number.',
        }).optional(),
        ContractorAddress1: classified(z.string().optional(), {
          classification: 'internal',
          pii: { category: 'contact.postal', kind: 'direct' },
          redact: 'drop',
          reason: 'A contractor working alone gives a home address.',
        }),
        ContractorAddress2: classified(z.string().optional(), {
          classification: 'internal',
          pii: { category: 'contact.postal', kind: 'direct' },
          redact: 'drop',
          reason: 'A contractor working alone gives a home address.',
        }),
        ContractorCity: z.string().optional(),
        ContractorState: z.string().optional(),
        ContractorZip: z.string().optional(),
        ContractorEmail: classified(z.email(), {
          classification: 'internal',
          pii: { category: 'contact.email', kind: 'direct' },
          redact: 'mask',
          reason: 'A contractor working alone gives a personal email address.',
        }).optional(),
      },
      META,
    ),
  )
  .refine((p) => p.AppliedDate !== undefined || p.IssuedDate !== undefined, {
    message: 'BLDS requires AppliedDate or IssuedDate',
    path: ['AppliedDate'],
  })
  .refine((p) => p.CompletedDate !== undefined || p.StatusCurrent !== undefined, {
    message: 'BLDS requires CompletedDate or StatusCurrent',
    path: ['StatusCurrent'],
  })
  .meta({ id: 'BldsPermit', title: 'Permit', description: 'BLDS core permit' });
/** A BLDS permit. */
export type Permit = z.infer<typeof Permit>;
