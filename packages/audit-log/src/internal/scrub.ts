// A last line of defence for `details` that no schema describes: values that look like a US
// Social Security number (dashed or spaced), a North American phone number or an email address are
// replaced before the event is hashed, so they never reach a store.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const SSN = /\b\d{3}[- ]\d{2}[- ]\d{4}\b/g;
const PHONE = /(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\b\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b/g;
const DIGIT = /[0-9]/;

// An email needs an `@`, an SSN or a phone number digits: a string without them cannot match, so
// the (costlier) patterns only run where they might. Most strings are returned as they are.
export function scrubString(value: string): string {
  let out = value;
  if (out.includes('@')) out = out.replace(EMAIL, '[redacted:email]');
  if (DIGIT.test(out)) {
    out = out.replace(SSN, '[redacted:ssn]');
    out = out.replace(PHONE, '[redacted:phone]');
  }
  return out;
}

/** Deep copy of a JSON-like value with every string (keys included) scrubbed. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (depth > 64) return '[redacted:too-deep]';
  if (typeof value === 'string') return scrubString(value);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    const obj = value as Record<string, unknown>;
    for (const k of Object.keys(obj)) out[scrubString(k)] = scrubValue(obj[k], depth + 1);
    return out;
  }
  return value;
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
    record[k] = typeof v === 'string' ? scrubString(v) : scrubValue(v, 1);
  }
  return record;
}
