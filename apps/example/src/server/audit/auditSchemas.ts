import { z } from 'zod';
import { CalendarDay, CaseId, CleanLine } from '../../shared/schemas';

/** The audit trail's query string. */
export const AuditQuery = z
  .object({
    /** A user id. */
    actor: CleanLine.min(1).max(200).optional(),
    /** A person: their user id, or part of their name. */
    who: CleanLine.trim().min(2).max(200).optional(),
    action: CleanLine.min(1).max(100).optional(),
    caseId: CaseId.optional(),
    from: CalendarDay.optional(),
    to: CalendarDay.optional(),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,500}$/, 'Expected a cursor from an earlier page')
      .optional(),
    /** `desc` pages from the newest event (the first page), `asc` from the oldest (the last). */
    order: z.enum(['desc', 'asc']).default('desc'),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
/** A parsed {@link AuditQuery}. */
export type AuditQuery = z.infer<typeof AuditQuery>;

/** The access report's query string: a case number, or a resident's name, email or phone. */
export const AccessQuery = z
  .object({
    caseId: CaseId.optional(),
    name: CleanLine.trim().min(3).max(200).optional(),
    email: CleanLine.trim().min(3).max(254).optional(),
    phone: CleanLine.trim()
      .regex(/^[+()\d\s.-]{7,30}$/, 'Expected a phone number')
      .optional(),
    lang: z.enum(['en', 'es']).default('en'),
  })
  .strict()
  .refine((q) => q.caseId || q.name || q.email || q.phone, {
    message: 'Give a case number, or a name, email or phone',
    path: ['caseId'],
  });
