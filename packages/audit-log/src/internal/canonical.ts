// RFC 8785 (JSON Canonicalization Scheme). Hashing every audit event canonicalizes it twice
// (record and verify), so this is a tight recursive serializer rather than the general library;
// canonical.test.ts checks it against `canonicalize` (by the RFC's author) on random values.
//
// JCS = I-JSON values; object members sorted by UTF-16 code units (what Array#sort does);
// numbers as ECMAScript Number#toString (what JSON.stringify does); strings as JSON.stringify
// escapes them. Lone surrogates, NaN, Infinity, BigInt and cycles are refused.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SURROGATE = /[\ud800-\udfff]/;

// Strings with nothing to escape and no surrogate (nearly all of them) are quoted directly.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what JSON escapes.
const SPECIAL = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as RFC 8785 writes it (JSON.stringify's escapes); throws on a lone surrogate. */
export function canonicalString(value: string): string {
  if (!SPECIAL.test(value)) return `"${value}"`;
  if (SURROGATE.test(value) && LONE_SURROGATE.test(value))
    throw new TypeError('lone surrogate in a string');
  return JSON.stringify(value);
}

/**
 * Object keys in RFC 8785 order (UTF-16 code units, which is what `<` and the default sort
 * compare). Insertion sort for the few keys most objects have: it is several times quicker than
 * Array#sort there, and keys are distinct, so stability does not matter.
 */
export function sortedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  const n = keys.length;
  if (n > 16) return keys.sort();
  for (let i = 1; i < n; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

function serialize(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return canonicalString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${value} is not allowed in JSON`);
      return Object.is(value, -0) ? '0' : String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw new TypeError('BigInt is not allowed in JSON');
  }
  if (value === null) return 'null';
  if (depth > 200) throw new TypeError('value nested too deeply (or circular)');
  const toJSON = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return serialize(toJSON.call(value), depth + 1);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += serialize(value[i], depth + 1) ?? 'null';
    }
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = sortedKeys(obj);
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = serialize(obj[key], depth + 1);
    if (v === undefined) continue;
    out += first ? '' : ',';
    first = false;
    out += `${canonicalString(key)}:${v}`;
  }
  return `${out}}`;
}

/**
 * An object's canonical text cut where one more top-level member `key` (absent from the object)
 * sorts: `before + "key":value + after` is the canonical text of the object with that member.
 * `before` ends with `{` or `,`; `after` is `}` or starts with `,`. The log cuts each event once
 * around `integrity`, so hashing and storing it only concatenate strings.
 */
export interface CanonicalCut {
  before: string;
  after: string;
}

export function canonicalCut(obj: Record<string, unknown>, key: string): CanonicalCut {
  let before = '{';
  let after = '';
  for (const k of sortedKeys(obj)) {
    if (k === key) throw new TypeError(`the object already has a member ${key}`);
    const v = serialize(obj[k], 1);
    if (v === undefined) continue;
    // JavaScript's `<` on strings is the UTF-16 code-unit order RFC 8785 sorts by.
    if (k < key) before += `${canonicalString(k)}:${v},`;
    else after += `,${canonicalString(k)}:${v}`;
  }
  return { before, after: `${after}}` };
}

/**
 * Canonical text of `obj` with its top-level member `key` replaced by `replacement`, without
 * copying `obj` (the hash chain hashes each event with its integrity block swapped).
 */
export function canonicalizeWith(
  obj: Record<string, unknown>,
  key: string,
  replacement: unknown,
): string {
  const keys = Object.keys(obj);
  if (!Object.hasOwn(obj, key)) keys.push(key);
  keys.sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = serialize(k === key ? replacement : obj[k], 1);
    if (v === undefined) continue;
    out += first ? '' : ',';
    first = false;
    out += `${canonicalString(k)}:${v}`;
  }
  return `${out}}`;
}

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a value. Throws on what JSON cannot carry
 * faithfully (NaN, Infinity, lone surrogates, BigInt, cycles).
 */
export function canonicalize(value: unknown): string {
  const text = serialize(value, 0);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
}
