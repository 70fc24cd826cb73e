import { z } from 'zod';
import { CalendarDay, CaseId, CleanLine } from '../../shared/schemas';

/** The audit trail's query string. */
export const AuditQuery = z
  .object({
    actor: CleanLine.min(1).max(200).optional(),
    action: CleanLine.min(1).max(100).optional(),
    caseId: CaseId.optional(),
    from: CalendarDay.optional(),
    to: CalendarDay.optional(),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,500}$/, 'Expected a cursor from an earlier page')
      .optional(),
  })
  .strict();
/** A parsed {@link AuditQuery}. */
export type AuditQuery = z.infer<typeof AuditQuery>;

/** The access report's query string. */
export const AccessQuery = z.object({ caseId: CaseId }).strict();
