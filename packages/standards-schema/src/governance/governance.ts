import { z } from 'zod';
import { Classification } from '../classification';
import { classified } from '../classified';
import { DepartmentCode } from '../DepartmentCode';
import { publicMeta, tagFields } from '../internal/tagFields';
import { CalendarDate } from '../primitives/DateTime';
import { Money } from '../primitives/Money';

// Fields not tagged one by one below are public: Technology governance record the executive order asks the City to publish.
const META = publicMeta(
  'Technology governance record the executive order asks the City to publish.',
);

const staffName = classified(z.string().min(1), {
  classification: 'internal',
  pii: { category: 'identity.name', kind: 'direct' },
  redact: 'truncate',
});

/** Lifecycle stages of a technology, from planned to decommissioned. */
export const LIFECYCLE_STAGES = [
  'planned',
  'procurement',
  'development',
  'production',
  'maintenance',
  'sunsetting',
  'decommissioned',
] as const;

/**
 * An entry of the City’s application inventory (the executive order asks DoIT to manage each
 * technology through its lifecycle): owner department, lifecycle stage, the highest
 * classification of data it holds, hosting, in-house or procured, and its compliance posture.
 */
export const TechnologyAsset = z
  .object(
    tagFields(
      {
        id: z.string().min(1),
        name: z.string().min(1),
        description: z.string().optional(),
        ownerDepartment: DepartmentCode,
        businessOwner: staffName.optional(),
        technicalOwner: staffName.optional(),
        lifecycleStage: z.enum(LIFECYCLE_STAGES),
        dataClassification: Classification,
        hosting: z.enum(['on-premises', 'city-cloud', 'vendor-saas', 'hybrid']),
        sourcing: z.enum(['in-house', 'procured', 'open-source']),
        vendor: z.string().optional(),
        contractEnd: CalendarDate.optional(),
        usesCitySso: z.boolean().optional(),
        accessibility: z.enum(['not-assessed', 'partial', 'wcag-2.1-aa', 'wcag-2.2-aa']).optional(),
        decommissionedOn: CalendarDate.optional(),
        lastReviewed: CalendarDate.optional(),
      },
      META,
    ),
  )
  .refine((a) => a.sourcing !== 'procured' || a.vendor !== undefined, {
    message: 'A procured technology names its vendor',
    path: ['vendor'],
  })
  .refine((a) => (a.lifecycleStage === 'decommissioned') === (a.decommissionedOn !== undefined), {
    message: 'decommissionedOn is set exactly when the stage is decommissioned',
    path: ['decommissionedOn'],
  })
  .meta({
    id: 'TechnologyAsset',
    title: 'TechnologyAsset',
    description: 'Application inventory entry',
  });
/** An application inventory entry. */
export type TechnologyAsset = z.infer<typeof TechnologyAsset>;

/** A line of a department budget: capital or operating, personnel or non-personnel. */
export const BudgetLine = z
  .object(
    tagFields(
      {
        fiscalYear: z.int().min(2000).max(2100),
        department: DepartmentCode,
        program: z.string().optional(),
        account: z.string().optional(),
        kind: z.enum(['capital', 'operating']),
        category: z.enum(['personnel', 'non-personnel']),
        description: z.string().min(1),
        amount: Money,
        technology: z.boolean().optional(),
      },
      META,
    ),
  )
  .meta({ id: 'BudgetLine', title: 'BudgetLine', description: 'Department budget line' });
/** A budget line. */
export type BudgetLine = z.infer<typeof BudgetLine>;

/** Procurement categories that are technology: they need the CIO's approval. */
export const TECHNOLOGY_CATEGORIES = [
  'software',
  'saas',
  'hardware',
  'it-services',
  'telecom',
] as const;

/**
 * A purchase request. Technology purchases, and anything that duplicates a central DoIT
 * service, need the CIO's approval (the executive order's central review).
 */
export const ProcurementRequest = z
  .object(
    tagFields(
      {
        id: z.string().min(1),
        department: DepartmentCode,
        title: z.string().min(1),
        description: z.string().optional(),
        category: z.enum([
          ...TECHNOLOGY_CATEGORIES,
          'professional-services',
          'supplies',
          'construction',
          'other',
        ]),
        amount: Money,
        requestedBy: staffName,
        requiresCioApproval: z.boolean(),
        duplicatesCentralService: z.boolean(),
        /** The central service it duplicates (a `TechnologyAsset` id). */
        centralServiceId: z.string().optional(),
        justification: z.string().optional(),
        status: z.enum(['draft', 'submitted', 'approved', 'rejected', 'withdrawn']),
      },
      META,
    ),
  )
  .refine(
    (r) =>
      r.requiresCioApproval ||
      !(
        (TECHNOLOGY_CATEGORIES as readonly string[]).includes(r.category) ||
        r.duplicatesCentralService
      ),
    {
      message: 'Technology purchases and duplicates of central services require CIO approval',
      path: ['requiresCioApproval'],
    },
  )
  .refine(
    (r) =>
      !r.duplicatesCentralService ||
      (r.centralServiceId !== undefined && r.justification !== undefined),
    {
      message: 'A duplicate of a central service names it and justifies the duplication',
      path: ['centralServiceId'],
    },
  )
  .meta({ id: 'ProcurementRequest', title: 'ProcurementRequest', description: 'Purchase request' });
/** A purchase request. */
export type ProcurementRequest = z.infer<typeof ProcurementRequest>;

/**
 * A performance measure for a period: department, measure, target, actual, and whether higher
 * is better (the City’s performance management).
 */
export const PerformanceMetric = z
  .object(
    tagFields(
      {
        id: z.string().min(1),
        department: DepartmentCode,
        measure: z.string().min(1),
        unit: z.string().optional(),
        target: z.number(),
        actual: z.number().optional(),
        periodStart: CalendarDate,
        periodEnd: CalendarDate,
        higherIsBetter: z.boolean(),
      },
      META,
    ),
  )
  .refine((m) => m.periodStart <= m.periodEnd, {
    message: 'periodEnd must not be before periodStart',
    path: ['periodEnd'],
  })
  .meta({
    id: 'PerformanceMetric',
    title: 'PerformanceMetric',
    description: 'Performance measure for a period',
  });
/** A performance measure. */
export type PerformanceMetric = z.infer<typeof PerformanceMetric>;

/** Whether a metric met its target, respecting its direction; `no-data` without an actual. */
export function metricStatus(metric: PerformanceMetric): 'met' | 'missed' | 'no-data' {
  if (metric.actual === undefined) return 'no-data';
  const met = metric.higherIsBetter
    ? metric.actual >= metric.target
    : metric.actual <= metric.target;
  return met ? 'met' : 'missed';
}
