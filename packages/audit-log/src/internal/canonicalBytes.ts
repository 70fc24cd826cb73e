// RFC 8785 canonical JSON written straight into UTF-8 bytes, for the log's hot path.
//
// Serializing an event to a string and then encoding it builds the text twice over: a rope of
// concatenations, flattened, then transcoded (with a regular-expression test per string to decide
// whether it needs escaping). Here each character is looked at once, as it is copied into a
// shared buffer: plain ASCII (nearly everything in an audit event) is written byte by byte, and
// only a string holding something JSON escapes, or a non-ASCII character, goes through the string
// serializer. The output is the same text as `canonical.ts` writes (the tests hold both to the
// RFC's reference implementation).

import {
  type CanonicalCut,
  canonicalCut,
  canonicalizeWith,
  canonicalString,
  sortedKeys,
} from './canonical';

/** An object's canonical text cut around one member, as UTF-8: `before` then `after`. */
export interface ByteCut {
  /** Holds both parts: `before` is `[start, mid)`, `after` is `[mid, end)`. */
  buf: Buffer;
  start: number;
  mid: number;
  end: number;
}

// Events are written one after another into a slab, which is replaced (not reused) when full:
// the cuts of events not yet sealed keep their slab alive, and no byte a cut refers to is ever
// overwritten. (Bytes written only to be hashed, by `withHashedBytes`, are given back at once.)
const SLAB = 256 * 1024;
// Empty until the first event: importing the package allocates nothing.
let buf: Buffer = Buffer.alloc(0);
let pos = 0;
/** Where the event being written starts (its bytes move with it when the slab is replaced). */
let from = 0;
/** True while an event is being written (a `toJSON` that records another event must not interleave). */
let busy = false;

/** Makes room for `n` more bytes, moving the event written so far to a new slab if needed. */
function ensure(n: number): void {
  if (pos + n <= buf.length) return;
  const used = pos - from;
  const next = Buffer.allocUnsafe(Math.max(SLAB, 2 * (used + n)));
  buf.copy(next, 0, from, pos);
  buf = next;
  pos = used;
  from = 0;
}

/** Bytes that are known ASCII (member names, numbers, literals). */
function ascii(text: string): void {
  const n = text.length;
  ensure(n);
  const b = buf;
  let p = pos;
  for (let i = 0; i < n; i++) b[p++] = text.charCodeAt(i);
  pos = p;
}

function bytes(chunk: Uint8Array): void {
  const n = chunk.length;
  ensure(n);
  const b = buf;
  let p = pos;
  for (let i = 0; i < n; i++) b[p++] = chunk[i] as number;
  pos = p;
}

/**
 * A JSON string. Printable ASCII other than `"` and `\` is copied as is; anything else (a control
 * character, a quote, a backslash, a non-ASCII character) sends the whole string to the string
 * serializer, which escapes it as JSON.stringify does and refuses a lone surrogate.
 */
function string(value: string): void {
  const n = value.length;
  if (n > LONG) {
    escaped(value);
    return;
  }
  // Worst case: every UTF-16 unit escaped as \u00XX (6 bytes) or encoded in 3 UTF-8 bytes.
  ensure(6 * n + 2);
  const b = buf;
  const start = pos;
  let p = start;
  b[p++] = 0x22;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c > 0x7f || c === 0x22 || c === 0x5c) {
      pos = start;
      escaped(value);
      return;
    }
    b[p++] = c;
  }
  b[p++] = 0x22;
  pos = p;
}

/** Strings longer than this are encoded natively, with room for exactly their bytes. */
const LONG = 4096;

/** A string through the string serializer, then encoded. */
function escaped(value: string): void {
  const text = canonicalString(value);
  const n = text.length;
  ensure(n <= LONG ? 3 * n : Buffer.byteLength(text, 'utf8'));
  pos += buf.write(text, pos, 'utf8');
}

function number(value: number): void {
  if (!Number.isFinite(value)) throw new TypeError(`${value} is not allowed in JSON`);
  ascii(Object.is(value, -0) ? '0' : String(value));
}

const COMMA = 0x2c;
const COLON = 0x3a;

function byte(c: number): void {
  ensure(1);
  buf[pos++] = c;
}

/** Writes a value; false (and nothing written) when JSON has no representation for it. */
function value(v: unknown, depth: number): boolean {
  switch (typeof v) {
    case 'string':
      string(v);
      return true;
    case 'number':
      number(v);
      return true;
    case 'boolean':
      ascii(v ? 'true' : 'false');
      return true;
    case 'undefined':
    case 'function':
    case 'symbol':
      return false;
    case 'bigint':
      throw new TypeError('BigInt is not allowed in JSON');
  }
  if (v === null) {
    ascii('null');
    return true;
  }
  if (depth > 200) throw new TypeError('value nested too deeply (or circular)');
  const toJSON = (v as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return value(toJSON.call(v), depth + 1);
  if (Array.isArray(v)) {
    byte(0x5b);
    for (let i = 0; i < v.length; i++) {
      if (i > 0) byte(COMMA);
      if (!value(v[i], depth + 1)) ascii('null');
    }
    byte(0x5d);
    return true;
  }
  const obj = v as Record<string, unknown>;
  byte(0x7b);
  let first = true;
  for (const key of sortedKeys(obj)) {
    const member = obj[key];
    // Members JSON leaves out are skipped before their name is written.
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol')
      continue;
    const mark = pos - from;
    if (!first) byte(COMMA);
    string(key);
    byte(COLON);
    // A toJSON that returns nothing: JSON leaves the member out, so its name is taken back.
    if (value(member, depth + 1)) first = false;
    else pos = from + mark;
  }
  byte(0x7d);
  return true;
}

// The audit event's own shape, in canonical member order. The log validates every event with zod
// (which keeps only these members), so its canonical text can be written member by member
// without listing and sorting keys; `details` and anything unexpected take the general path.
interface Plan {
  keys: readonly string[];
  /** Per member, its name as written first (`"key":`) and after another member (`,"key":`). */
  first: readonly Uint8Array[];
  next: readonly Uint8Array[];
  nested: ReadonlyArray<Plan | undefined>;
  keySet: ReadonlySet<string>;
}
function plan(keys: string[], nested: Record<string, Plan> = {}): Plan {
  return {
    keys,
    first: keys.map((k) => Buffer.from(`${canonicalString(k)}:`, 'utf8')),
    next: keys.map((k) => Buffer.from(`,${canonicalString(k)}:`, 'utf8')),
    nested: keys.map((k) => nested[k]),
    keySet: new Set(keys),
  };
}
const ACTOR = plan(['department', 'id', 'name', 'roles', 'type']);
const APP = plan(['department', 'name', 'version']);
const SOURCE = plan(['ip', 'userAgent']);
const TARGET = plan(['classification', 'id', 'type']);
const BEFORE_KEYS = ['action', 'actor', 'agreementId', 'app', 'details', 'id'];
const AFTER_KEYS = ['outcome', 'purpose', 'reason', 'source', 'target', 'time', 'traceId'];
const BEFORE = plan(BEFORE_KEYS, { actor: ACTOR, app: APP });
const AFTER = plan(AFTER_KEYS, { source: SOURCE, target: TARGET });
const EVENT = plan([...BEFORE_KEYS, ...AFTER_KEYS]);
/** A stored event: the same members and its integrity block (which the hash replaces). */
const SEALED = plan([...BEFORE_KEYS, 'integrity', ...AFTER_KEYS]);
const INTEGRITY_OPEN = Buffer.from('"integrity":{"prevHash":', 'latin1');
const SEQ_OPEN = Buffer.from(',"seq":', 'latin1');

/** True when `v` is a plain object whose own keys are all among `p`'s. */
function hasShape(v: unknown, p: Plan): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype)
    return false;
  // for-in walks the own enumerable keys without building an array (plus any enumerable key
  // added to Object.prototype, which only sends the object down the general path).
  for (const k in v) if (!p.keySet.has(k)) return false;
  return true;
}

/**
 * `obj`'s members in `p`'s order, each after a comma except the first when `lead` is false.
 * Returns whether it wrote any member.
 */
function planned(obj: Record<string, unknown>, p: Plan, lead: boolean, depth: number): boolean {
  let names = lead ? p.next : p.first;
  const { keys, nested } = p;
  let wrote = false;
  for (let i = 0; i < keys.length; i++) {
    const v = obj[keys[i] as string];
    if (v === undefined) continue;
    const mark = pos - from;
    bytes(names[i] as Uint8Array);
    const inner = nested[i];
    if (typeof v === 'string') {
      string(v);
    } else if (inner !== undefined && hasShape(v, inner)) {
      byte(0x7b);
      planned(v, inner, false, depth + 1);
      byte(0x7d);
    } else if (!value(v, depth)) {
      pos = from + mark; // nothing JSON can carry (a function, a symbol): no member
      continue;
    }
    names = p.next;
    wrote = true;
  }
  return wrote;
}

function fromText(cut: CanonicalCut): ByteCut {
  const before = Buffer.byteLength(cut.before, 'utf8');
  const all = Buffer.from(cut.before + cut.after, 'utf8');
  return { buf: all, start: 0, mid: before, end: all.length };
}

/**
 * The canonical text of an audit event cut around `integrity` (see `canonicalCut`), as UTF-8.
 * An event of the schema's shape (what the log's validation leaves) is written member by member
 * without sorting keys; any other object, or a call made while another event is being written,
 * takes the string serializer. Same bytes either way. Throws when JSON cannot carry the event.
 */
export function encodeEventCut(event: Record<string, unknown>): ByteCut {
  if (busy || !hasShape(event, EVENT)) return fromText(canonicalCut(event, 'integrity'));
  busy = true;
  try {
    const mid = writeEvent(event);
    return { buf, start: from, mid: from + mid, end: pos };
  } catch (error) {
    pos = from;
    throw error;
  } finally {
    busy = false;
  }
}

/**
 * Writes `{`, the members before `integrity`, `middle` (nothing, or an integrity member), the
 * members after it and `}`, from `pos`. Returns where `middle` starts, as an offset from the
 * event's start (offsets stay right if its bytes move to a new slab).
 */
function writeEvent(event: Record<string, unknown>, middle?: () => void): number {
  from = pos;
  byte(0x7b);
  if (planned(event, BEFORE, false, 1)) byte(COMMA);
  const mid = pos - from;
  middle?.();
  planned(event, AFTER, true, 1);
  byte(0x7d);
  return mid;
}

/**
 * Calls `use` with the canonical UTF-8 bytes of `event` with its `integrity` member replaced by
 * `{ prevHash, seq }` (what a format-1 event's hash covers), and returns what it returns. The
 * bytes are a view of a scratch area, valid only during the call. An event of the schema's shape
 * is written member by member; anything else takes the string serializer. Throws when JSON
 * cannot carry it.
 */
export function withHashedBytes<T>(
  event: Record<string, unknown>,
  seq: number,
  prevHash: string,
  use: (bytes: Uint8Array) => T,
): T {
  return withIntegrity(event, { seq, prevHash }, use, () => {
    bytes(INTEGRITY_OPEN);
    string(prevHash);
    bytes(SEQ_OPEN);
    number(seq);
    byte(0x7d);
  });
}

/** `"integrity":{"format":2}`: all a format-2 event's hash covers of its integrity block. */
export const FORMAT2_INTEGRITY = Buffer.from('"integrity":{"format":2}', 'latin1');

/**
 * Calls `use` with the canonical UTF-8 bytes of `event` with its `integrity` member replaced by
 * `{ format: 2 }` (what a format-2 event's hash covers: nothing positional), as
 * {@link withHashedBytes} does for format 1.
 */
export function withFormat2Bytes<T>(
  event: Record<string, unknown>,
  use: (bytes: Uint8Array) => T,
): T {
  return withIntegrity(event, { format: 2 }, use, () => bytes(FORMAT2_INTEGRITY));
}

function withIntegrity<T>(
  event: Record<string, unknown>,
  integrity: Record<string, unknown>,
  use: (bytes: Uint8Array) => T,
  writeIntegrity: () => void,
): T {
  if (busy || !hasShape(event, SEALED)) {
    return use(Buffer.from(canonicalizeWith(event, 'integrity', integrity), 'utf8'));
  }
  busy = true;
  try {
    writeEvent(event, writeIntegrity);
    return use(buf.subarray(from, pos));
  } finally {
    // Nothing keeps these bytes: the space is written over by the next event.
    pos = from;
    busy = false;
  }
}
