// Reads a stored event line without parsing it into objects: checks that the text is exactly the
// RFC 8785 form our serializer (canonical.ts) writes, and finds the top-level `id` and the
// integrity block. Verifying a file then hashes the stored bytes with the hash member cut out,
// instead of parsing and re-serializing every event. A line this scanner refuses is not trusted:
// the caller falls back to parse + canonicalize, which decides (some canonical texts, such as
// keys with escapes, are left to that slower path on purpose).
//
// Canonical here means: no whitespace; `true`, `false`, `null`; numbers exactly as ECMAScript's
// Number#toString prints them (so no `-0`, no leading zeros, no `1.0`, no `1E5`); strings with
// only the escapes JSON.stringify emits (`\"` `\\` `\b` `\f` `\n` `\r` `\t` and lowercase `\u00xx`
// for the other control characters) and no lone surrogates; object members strictly ascending by
// UTF-16 code units (so no duplicates); nesting at most as deep as the serializer allows.

/** Where the parts of one canonical event line are (indices into the line). */
export interface LineScan {
  /** The top-level `id` string's content: `[idStart, idEnd)` (no escapes in it). */
  idStart: number;
  idEnd: number;
  /** `"hash":"…",` inside the integrity block: `[hashMemberStart, hashMemberEnd)`. */
  hashMemberStart: number;
  hashMemberEnd: number;
  /** The hash string's content `[hashStart, hashEnd)` and prevHash's `[prevStart, prevEnd)`. */
  hashStart: number;
  hashEnd: number;
  prevStart: number;
  prevEnd: number;
  seq: number;
}

const MAX_DEPTH = 200;

// Each scanner takes the text and a position and returns the position after what it scanned, or
// FAIL. Strings return an escaped end as ESCAPED - end (keys with escapes go to the slow path).
// Plain functions over (string, number) keep V8's fast paths; there is no shared state.
const FAIL = -1;
const ESCAPED = -2;

function scanString(t: string, p: number): number {
  // at the opening quote
  let i = p + 1;
  let escaped = false;
  const n = t.length;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c === 34) return escaped ? ESCAPED - (i + 1) : i + 1;
    if (c === 92) {
      escaped = true;
      const e = t.charCodeAt(i + 1);
      if (e === 34 || e === 92 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
        i += 2;
        continue;
      }
      // \u00xx, lowercase, only for control characters without a short escape.
      if (
        e === 117 &&
        t.charCodeAt(i + 2) === 48 &&
        t.charCodeAt(i + 3) === 48 &&
        controlEscape(t.charCodeAt(i + 4), t.charCodeAt(i + 5))
      ) {
        i += 6;
        continue;
      }
      return FAIL;
    }
    if (c < 0x20) return FAIL;
    if (c >= 0xd800 && c <= 0xdfff) {
      // A high surrogate followed by a low one is a character; anything else is lone.
      const d = t.charCodeAt(i + 1);
      if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return FAIL;
      i += 2;
      continue;
    }
    i++;
  }
  return FAIL;
}

/** End of a string at `p` (escapes allowed), or FAIL. */
function anyString(t: string, p: number, plain: boolean): number {
  if (plain) return closingQuote(t, p);
  const e = scanString(t, p);
  return e <= ESCAPED ? ESCAPED - e : e;
}

/** In a line without backslashes, control characters or surrogates, a string ends at the next quote. */
function closingQuote(t: string, p: number): number {
  const q = t.indexOf('"', p + 1);
  return q < 0 ? FAIL : q + 1;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what JSON escapes.
const NOT_PLAIN = /[\\\u0000-\u001f\ud800-\udfff]/;

/** `\u00` + two lowercase hex digits naming a control character JSON.stringify spells so. */
function controlEscape(h: number, l: number): boolean {
  const lo = l >= 48 && l <= 57 ? l - 48 : l >= 97 && l <= 102 ? l - 87 : -1;
  if (lo < 0) return false;
  if (h === 49) return true; // 0x10-0x1f
  if (h !== 48) return false;
  // 0x08 \b, 0x09 \t, 0x0a \n, 0x0c \f, 0x0d \r have short forms.
  return !(lo === 8 || lo === 9 || lo === 10 || lo === 12 || lo === 13);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function scanNumber(t: string, p: number): number {
  let i = p;
  if (t.charCodeAt(i) === 45) i++;
  if (t.charCodeAt(i) === 48) i++;
  else if (isDigit(t.charCodeAt(i))) while (isDigit(t.charCodeAt(i))) i++;
  else return FAIL;
  let plain = i - p < 16; // a short integer prints as itself
  if (t.charCodeAt(i) === 46) {
    plain = false;
    i++;
    if (!isDigit(t.charCodeAt(i))) return FAIL;
    while (isDigit(t.charCodeAt(i))) i++;
  }
  const e = t.charCodeAt(i);
  if (e === 101 || e === 69) {
    plain = false;
    i++;
    const s = t.charCodeAt(i);
    if (s === 43 || s === 45) i++;
    if (!isDigit(t.charCodeAt(i))) return FAIL;
    while (isDigit(t.charCodeAt(i))) i++;
  }
  // Leading zeros and `-0` are caught by the grammar above and by this round trip.
  if (plain && !(t.charCodeAt(p) === 45 && t.charCodeAt(p + 1) === 48)) return i;
  const token = t.slice(p, i);
  const value = Number(token);
  return Number.isFinite(value) && String(value) === token ? i : FAIL;
}

/** Compares two unescaped ranges of `t` by UTF-16 code units: <0, 0 or >0. */
function compareRanges(t: string, a: number, aEnd: number, b: number, bEnd: number): number {
  const la = aEnd - a;
  const lb = bEnd - b;
  const n = Math.min(la, lb);
  for (let i = 0; i < n; i++) {
    const d = t.charCodeAt(a + i) - t.charCodeAt(b + i);
    if (d !== 0) return d;
  }
  return la - lb;
}

function scanValue(t: string, p: number, depth: number, plain: boolean): number {
  const c = t.charCodeAt(p);
  if (c === 34) return anyString(t, p, plain);
  if (c === 123) return scanObject(t, p, depth + 1, plain);
  if (c === 91) return scanArray(t, p, depth + 1, plain);
  if (c === 116) return t.startsWith('true', p) ? p + 4 : FAIL;
  if (c === 102) return t.startsWith('false', p) ? p + 5 : FAIL;
  if (c === 110) return t.startsWith('null', p) ? p + 4 : FAIL;
  return scanNumber(t, p);
}

function scanArray(t: string, p: number, depth: number, plain: boolean): number {
  if (depth > MAX_DEPTH) return FAIL;
  let i = p + 1;
  if (t.charCodeAt(i) === 93) return i + 1;
  for (;;) {
    i = scanValue(t, i, depth, plain);
    if (i < 0) return FAIL;
    const c = t.charCodeAt(i++);
    if (c === 93) return i;
    if (c !== 44) return FAIL;
  }
}

function scanObject(t: string, p: number, depth: number, plain: boolean): number {
  if (depth > MAX_DEPTH) return FAIL;
  let i = p + 1;
  if (t.charCodeAt(i) === 125) return i + 1;
  let prevStart = -1;
  let prevEnd = -1;
  for (;;) {
    if (t.charCodeAt(i) !== 34) return FAIL;
    const keyStart = i + 1;
    i = plain ? closingQuote(t, i) : scanString(t, i);
    if (i < 0) return FAIL; // keys with escapes: the slow path decides
    const keyEnd = i - 1;
    if (prevStart >= 0 && compareRanges(t, prevStart, prevEnd, keyStart, keyEnd) >= 0) return FAIL;
    prevStart = keyStart;
    prevEnd = keyEnd;
    if (t.charCodeAt(i++) !== 58) return FAIL;
    i = scanValue(t, i, depth, plain);
    if (i < 0) return FAIL;
    const c = t.charCodeAt(i++);
    if (c === 125) return i;
    if (c !== 44) return FAIL;
  }
}

/**
 * Scans one stored event line. Returns where its id and integrity parts are when the line is
 * canonical JSON, an object at the top, with a plain-string `id` and an integrity block of exactly
 * `{"hash":"…","prevHash":"…","seq":<safe integer>}`; otherwise `undefined`.
 */
export function scanEventLine(t: string): LineScan | undefined {
  if (t.charCodeAt(0) !== 123 || t.charCodeAt(1) === 125) return undefined;
  // Nearly every line has nothing to escape: then its strings end at the next quote.
  const plain = !NOT_PLAIN.test(t);
  const str = plain ? closingQuote : scanString;
  let i = 1;
  let prevStart = -1;
  let prevEnd = -1;
  let idStart = -1;
  let idEnd = -1;
  let found: LineScan | undefined;
  for (;;) {
    if (t.charCodeAt(i) !== 34) return undefined;
    const keyStart = i + 1;
    i = str(t, i);
    if (i < 0) return undefined;
    const keyEnd = i - 1;
    if (prevStart >= 0 && compareRanges(t, prevStart, prevEnd, keyStart, keyEnd) >= 0)
      return undefined;
    prevStart = keyStart;
    prevEnd = keyEnd;
    if (t.charCodeAt(i++) !== 58) return undefined;
    const keyLength = keyEnd - keyStart;
    if (keyLength === 2 && t.startsWith('id', keyStart)) {
      if (t.charCodeAt(i) !== 34) return undefined;
      idStart = i + 1;
      i = str(t, i);
      if (i < 0) return undefined;
      idEnd = i - 1;
    } else if (keyLength === 9 && t.startsWith('integrity', keyStart)) {
      if (!t.startsWith('{"hash":"', i)) return undefined;
      const hashMemberStart = i + 1;
      const hashStart = i + 9;
      i = str(t, i + 8);
      if (i < 0 || t.charCodeAt(i) !== 44) return undefined;
      const hashEnd = i - 1;
      const hashMemberEnd = i + 1;
      if (!t.startsWith('"prevHash":"', hashMemberEnd)) return undefined;
      const prevStart = hashMemberEnd + 12;
      i = str(t, prevStart - 1);
      if (i < 0 || !t.startsWith(',"seq":', i)) return undefined;
      const prevEnd = i - 1;
      const seqStart = i + 7;
      i = scanNumber(t, seqStart);
      if (i < 0 || t.charCodeAt(i) !== 125) return undefined;
      const seq = Number(t.slice(seqStart, i));
      if (!Number.isSafeInteger(seq) || seq < 0) return undefined;
      i++;
      found = {
        idStart: -1,
        idEnd: -1,
        hashMemberStart,
        hashMemberEnd,
        hashStart,
        hashEnd,
        prevStart,
        prevEnd,
        seq,
      };
    } else {
      i = scanValue(t, i, 0, plain);
      if (i < 0) return undefined;
    }
    const c = t.charCodeAt(i++);
    if (c === 125) break;
    if (c !== 44) return undefined;
  }
  if (i !== t.length || !found || idStart < 0) return undefined;
  found.idStart = idStart;
  found.idEnd = idEnd;
  return found;
}

/** True when `value` is exactly the canonical text of some JSON value with escape-free keys. */
export function isCanonicalText(value: string): boolean {
  return value.length > 0 && scanValue(value, 0, -1, !NOT_PLAIN.test(value)) === value.length;
}

/**
 * Stores that keep each event as its canonical line offer the lines (in chain order, in arrays,
 * one per read) under this key, so `verify` can hash the stored text directly. `Symbol.for`, so
 * the `.` and `/node` bundles agree on it.
 */
export const CANONICAL_LINES: unique symbol = Symbol.for('@cityofboston/audit-log.canonical-lines');

export interface CanonicalLineSource {
  [CANONICAL_LINES](): AsyncIterable<readonly string[]>;
}
