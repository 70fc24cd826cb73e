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

function str(value: string): string {
  if (!SPECIAL.test(value)) return `"${value}"`;
  if (SURROGATE.test(value) && LONE_SURROGATE.test(value))
    throw new TypeError('lone surrogate in a string');
  return JSON.stringify(value);
}

function serialize(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return str(value);
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
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = serialize(obj[key], depth + 1);
    if (v === undefined) continue;
    out += first ? '' : ',';
    first = false;
    out += `${str(key)}:${v}`;
  }
  return `${out}}`;
}

/** An object's top level as canonical members: raw keys in canonical order, with their text. */
export interface CanonicalMembers {
  keys: string[];
  texts: string[];
}

export function canonicalMembers(obj: Record<string, unknown>): CanonicalMembers {
  const keys: string[] = [];
  const texts: string[] = [];
  for (const k of Object.keys(obj).sort()) {
    const v = serialize(obj[k], 1);
    if (v === undefined) continue;
    keys.push(k);
    texts.push(`${str(k)}:${v}`);
  }
  return { keys, texts };
}

/**
 * Joins canonical members into an object's canonical text with one more member `key` (absent
 * from `members`) in its sorted place; JavaScript's `<` on strings is the UTF-16 code-unit order
 * RFC 8785 sorts by.
 */
export function joinMembers(members: CanonicalMembers, key: string, valueText: string): string {
  const extra = `${str(key)}:${valueText}`;
  const parts: string[] = [];
  let placed = false;
  for (let i = 0; i < members.keys.length; i++) {
    if (!placed && key < (members.keys[i] as string)) {
      parts.push(extra);
      placed = true;
    }
    parts.push(members.texts[i] as string);
  }
  if (!placed) parts.push(extra);
  return `{${parts.join(',')}}`;
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
    out += `${str(k)}:${v}`;
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
