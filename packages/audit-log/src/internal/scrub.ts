import { AuditLogError } from '../errors';
import { EMAIL, mayHoldNumber, REDACTED, redactNumbers } from './pii/patterns';

// A last line of defence for free text no schema describes (details, reason, purpose, a user
// agent, patterns inside a name): values that look like an email, a phone number, a payment
// card or a US SSN are replaced before the event is hashed, so they never reach a store. The
// patterns and their rules are in pii/patterns.ts.

// An email needs an `@`, the number patterns 7 digits at least: most strings have neither and
// are returned as they are; the others get one scan per kind.
export function scrubString(value: string): string {
  let out = value;
  if (out.includes('@')) out = out.replace(EMAIL, REDACTED.email);
  if (mayHoldNumber(out)) out = redactNumbers(out);
  return out;
}

/** How deep a value may nest before it is refused (far beyond any real event). */
const MAX_DEPTH = 64;

function refuse(message: string, path: PropertyKey[]): never {
  throw new AuditLogError('INVALID_EVENT', `invalid audit event: ${message}`, {
    issues: [{ code: 'custom', path, message }],
  });
}

/**
 * Deep copy of a JSON-like value with every string (keys included) scrubbed. `keys` and
 * `ancestors` are the path walked so far (kept as stacks, read only to name a refusal).
 *
 * @throws AuditLogError `INVALID_EVENT` for a circular reference or nesting deeper than 64.
 */
export function scrubValue(
  value: unknown,
  depth = 0,
  keys: PropertyKey[] = [],
  ancestors: unknown[] = [],
): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (ancestors.includes(value)) refuse('a circular reference', [...keys]);
  if (depth > MAX_DEPTH) refuse(`nested deeper than ${MAX_DEPTH} levels`, [...keys]);
  ancestors.push(value);
  try {
    if (Array.isArray(value)) {
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        keys.push(i);
        out[i] = scrubValue(value[i], depth + 1, keys, ancestors);
        keys.pop();
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    const obj = value as Record<string, unknown>;
    for (const k of Object.keys(obj)) {
      keys.push(k);
      out[scrubString(k)] = scrubValue(obj[k], depth + 1, keys, ancestors);
      keys.pop();
    }
    return out;
  } finally {
    ancestors.pop();
  }
}

/**
 * {@link scrubValue} for a record the caller owns (a fresh copy made by validation or
 * redaction): its own members are scrubbed in place, and only nested values are copied.
 */
export function scrubOwned(record: Record<string, unknown>): Record<string, unknown> {
  if (typeof record !== 'object' || record === null) {
    return scrubValue(record) as Record<string, unknown>; // a schema may turn details into anything
  }
  const keys = Object.keys(record);
  // A key that itself needs scrubbing renames a member (and may collide with another): copy.
  for (const k of keys)
    if (scrubString(k) !== k) return scrubValue(record) as Record<string, unknown>;
  for (const k of keys) {
    const v = record[k];
    record[k] = typeof v === 'string' ? scrubString(v) : scrubValue(v, 1, [k], [record]);
  }
  return record;
}
