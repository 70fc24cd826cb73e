import { z } from 'zod';
import { CalendarDay } from '../../shared/schemas';

/** The audit trail's query string. */
export const AuditQuery = z
  .object({
    actor: z.string().min(1).max(200).optional(),
    action: z.string().min(1).max(100).optional(),
    caseId: z.string().min(1).max(40).optional(),
    from: CalendarDay.optional(),
    to: CalendarDay.optional(),
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();
/** A parsed {@link AuditQuery}. */
export type AuditQuery = z.infer<typeof AuditQuery>;

/** The access report's query string. */
export const AccessQuery = z
  .object({ caseId: z.string().regex(/^\d{1,20}$/, 'Expected a case number') })
  .strict();
