// Schemas and permissions shared by the server (which enforces them) and the client (which
// validates forms and hides what a person may not do).
import { ServiceRequestStatus } from '@cityofboston/standards-schema';
import { z } from 'zod';
import { CalendarDay, CaseId, CleanLine, CleanText } from './text';

/** Who may do what, by role. */
export const ROLES = {
  readCases: ['311.intake', 'case.manager', 'inspector'],
  updateCases: ['311.intake', 'case.manager'],
  closeCases: ['case.manager'],
  audit: ['auditor'],
  share: ['case.manager'],
} as const;

export { CalendarDay, CaseId, CleanLine, CleanText } from './text';

/** The cases list's query string. */
export const CaseQuery = z
  .object({
    status: ServiceRequestStatus.optional(),
    service: CleanLine.min(1).max(64).optional(),
    neighborhood: CleanLine.min(1).max(64).optional(),
    from: CalendarDay.optional(),
    to: CalendarDay.optional(),
    id: CaseId.optional(),
    /** Another department's cases, under this data-sharing agreement. */
    agreement: CleanLine.min(1).max(100).optional(),
    /** Keyset paging: the page after or before a cursor from an earlier page, or the last page. */
    after: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, 'Expected a cursor from an earlier page')
      .optional(),
    before: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, 'Expected a cursor from an earlier page')
      .optional(),
    last: z.enum(['true']).optional(),
    /** The order: a column, `-` first for descending (default `-requested`, newest first). */
    sort: z
      .enum([
        'requested',
        '-requested',
        'id',
        '-id',
        'status',
        '-status',
        'service',
        '-service',
        'neighborhood',
        '-neighborhood',
      ])
      .optional(),
    // Page numbers use OFFSET: for the first pages; deeper pages are read by cursor. With a
    // cursor, `page` is only the number the client shows (echoed back), not a position.
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

/** The body of `PATCH /api/cases/:id`: a status change, a note, or both. */
export const CaseUpdate = z
  .object({
    status: ServiceRequestStatus.optional().meta({ title: 'Status' }),
    note: CleanText.trim()
      .min(1, 'Write a note')
      .max(2000, 'Keep notes under 2,000 characters')
      .optional()
      .meta({
        title: 'Note',
        description: 'What was done or decided. Do not paste personal data.',
      }),
  })
  .strict()
  .refine((v) => v.status !== undefined || v.note !== undefined, {
    message: 'Write a note',
    path: ['note'],
  });
/** A case update. */
export type CaseUpdate = z.infer<typeof CaseUpdate>;

/** Which cases a share covers. */
export const Filter = CaseQuery.pick({
  status: true,
  service: true,
  neighborhood: true,
  from: true,
  to: true,
}).strict();

/** The most records one share sends, and the default. */
const ShareLimit = z.number().int().min(1).max(5000).default(500);

/** The body of `POST /api/share/preview`: the same filter and limit the share will use. */
export const SharePreviewRequest = z
  .object({
    agreementId: CleanLine.min(1).max(100),
    filter: Filter.default({}),
    limit: ShareLimit,
  })
  .strict();

/** The body of `POST /api/share`. */
export const ShareRequest = z
  .object({
    agreementId: CleanLine.min(1).max(100),
    purpose: CleanLine.min(1).max(100),
    filter: Filter.default({}),
    limit: ShareLimit,
  })
  .strict();

/** What a principal with `roles` may do. */
export function permissionsOf(roles: readonly string[]) {
  const has = (list: readonly string[]) => list.some((r) => roles.includes(r));
  return {
    readCases: has(ROLES.readCases),
    updateCases: has(ROLES.updateCases),
    closeCases: has(ROLES.closeCases),
    audit: has(ROLES.audit),
    share: has(ROLES.share),
  };
}
