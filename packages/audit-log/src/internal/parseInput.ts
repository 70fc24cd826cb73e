import { z } from 'zod';
import { AuditEventInput, createParser } from './schemas';

// What record() validates: an AuditEventInput whose app the log fills in when it is left out.
// Parsed with standards-schema's compiled check (safeParse's results, faster on the hot path).
export const RecordInputSchema = AuditEventInput.extend({
  app: AuditEventInput.shape.app.optional(),
});
export const parseRecordInput = createParser(RecordInputSchema);
// `details` is a zod record, which the compiled check hands back to zod's own parser for every
// event. This variant leaves it out of the compiled check; `parseInput` copies a plain details
// object itself, exactly as zod's record would, and hands anything else (and any rejection) to
// the full schema, so what is accepted, returned and reported is the full schema's.
const parseAllButDetails = createParser(
  RecordInputSchema.extend({ details: z.unknown().optional() }),
);

/**
 * What zod's record returns for `details` when it is a plain object (Object.prototype, no own
 * `constructor`) whose own keys are all enumerable strings other than `__proto__`: a shallow
 * copy. Undefined for anything else, which the full schema then parses (or reports) itself.
 */
function copyDetails(details: unknown): Record<string, unknown> | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  if (Object.getPrototypeOf(details) !== Object.prototype) return undefined;
  const out: Record<string, unknown> = {};
  let count = 0;
  for (const key in details) {
    if (key === '__proto__' || key === 'constructor' || !Object.hasOwn(details, key)) {
      return undefined;
    }
    out[key] = (details as Record<string, unknown>)[key];
    count++;
  }
  // An own key not enumerated (a symbol, a hidden key) is zod's business too.
  return Reflect.ownKeys(details).length === count ? out : undefined;
}

export function parseInput(input: unknown): ReturnType<typeof parseRecordInput> {
  const parsed = parseAllButDetails(input);
  if (parsed.success) {
    const data = parsed.data as { details?: unknown };
    if (data.details === undefined) return parsed as ReturnType<typeof parseRecordInput>;
    const details = copyDetails(data.details);
    if (details !== undefined) {
      data.details = details;
      return parsed as ReturnType<typeof parseRecordInput>;
    }
  }
  return parseRecordInput(input);
}
