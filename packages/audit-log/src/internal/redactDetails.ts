import type { z } from 'zod';
import { scrubValue } from './scrub';

export type Clearance = 'public' | 'internal' | 'confidential' | 'restricted';

export interface DetailsPolicy {
  schema?: z.ZodType;
  clearance: Clearance;
  scrub: boolean;
}

/**
 * Redacts an event's `details`: fields a schema classifies above the clearance are removed or
 * transformed by their rule, fields the schema does not declare are dropped, and then every
 * remaining string is scrubbed of things that look like an SSN, a phone number or an email.
 */
export function redactDetails(
  details: Record<string, unknown>,
  policy: DetailsPolicy,
): Record<string, unknown> {
  let out: unknown = details;
  if (policy.schema) out = policy.schema.parse(out);
  if (policy.scrub) out = scrubValue(out);
  return out as Record<string, unknown>;
}
