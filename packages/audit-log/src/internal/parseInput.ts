import { AuditEventInput, createParser } from './schemas';

// What record() validates: an AuditEventInput whose app the log fills in when it is left out.
export const RecordInputSchema = AuditEventInput.extend({
  app: AuditEventInput.shape.app.optional(),
});

/**
 * Parses what `record()` is given, with standards-schema's compiled check: `safeParse`'s
 * results (data or issues), faster on the hot path; `details` (a string-keyed record) is copied
 * by the check itself when it is a plain object, and left to zod otherwise.
 */
export const parseInput = createParser(RecordInputSchema);
