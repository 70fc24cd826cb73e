import { createHmac } from 'node:crypto';
import type { z } from 'zod';
import { type Classification, redact } from './schemas';
import { scrubOwned } from './scrub';

export interface DetailsPolicy {
  schema?: z.ZodType;
  clearance: Classification;
  scrub: boolean;
  hashKey?: string | Uint8Array;
}

/**
 * Redacts an event's `details`: with a schema, the details are validated, fields it does not
 * declare are dropped, and fields classified above the clearance are redacted by their rule
 * (`hash` becomes an HMAC-SHA256 pseudonym when a key is set, else the field is dropped); then
 * every remaining string is scrubbed of what looks like an SSN, a phone number or an email.
 * `details` must be the log's own copy (validation's output): its members are scrubbed in place
 * (nested values are copied, as they may be the caller's).
 *
 * @throws the schema's ZodError when the details do not match it.
 */
export function redactDetails(
  details: Record<string, unknown>,
  policy: DetailsPolicy,
): Record<string, unknown> | undefined {
  let out: unknown = details;
  if (policy.schema) {
    const parsed = policy.schema.parse(details);
    const key = policy.hashKey;
    out = redact(policy.schema, parsed, {
      clearance: policy.clearance,
      ...(key === undefined
        ? {}
        : {
            hash: (value: string, field: { path: string }) =>
              createHmac('sha256', key).update(`${field.path}\u0000${value}`).digest('base64url'),
          }),
    });
  }
  if (out === undefined) return undefined;
  if (policy.scrub) out = scrubOwned(out as Record<string, unknown>);
  return out as Record<string, unknown>;
}
