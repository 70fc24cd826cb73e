// A last line of defence for `details` that no schema describes: values that look like a US
// Social Security number (dashed or spaced), a North American phone number or an email address are
// replaced before the event is hashed, so they never reach a store.
const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[redacted:email]'],
  [/\b\d{3}[- ]\d{2}[- ]\d{4}\b/g, '[redacted:ssn]'],
  [/(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\b\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b/g, '[redacted:phone]'],
];

// Every pattern needs an `@` or a digit; most strings have neither and are returned as they are.
const CANDIDATE = /[@0-9]/;

export function scrubString(value: string): string {
  if (!CANDIDATE.test(value)) return value;
  let out = value;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
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
