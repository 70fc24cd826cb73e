// UUIDv7 (RFC 9562 section 5.7): 48 bits of Unix milliseconds, then random bits. Sorting by id
// sorts by creation time, which keeps B-tree inserts local in PostgreSQL. Within one millisecond
// the ids of this process increase too (RFC 9562 section 6.2, method 2: the random part of the
// previous id plus one), so the SQL stores' queries, which page in id order, list one
// process's events in the order it recorded them.
// Random bytes come from a pool refilled 4 KiB at a time: one getRandomValues call per 256 ids.
const pool = new Uint8Array(4096);
let offset = pool.length;
// The id is spelled into a fixed ASCII buffer and read back once: one flat string per id, which
// is quicker to hash (Map and Set keys) than one glued together from 20 pieces.
const HEX = Buffer.from('0123456789abcdef', 'latin1');
const text = Buffer.from('00000000-0000-7000-8000-000000000000', 'latin1');
// Where each of the 16 bytes goes in the text (dashes after bytes 4, 6, 8 and 10).
const AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

/** The millisecond of the previous id, and its 10 bytes after the time (version and variant in). */
let lastMs = -1;
const last = new Uint8Array(10);

export function uuidv7(ms: number = Date.now()): string {
  if (ms === lastMs && increment()) {
    for (let i = 6; i < 16; i++) put(i, last[i - 6] as number);
    return text.toString('latin1');
  }
  if (offset + 10 > pool.length) {
    crypto.getRandomValues(pool);
    offset = 0;
  }
  let t = ms;
  for (let i = 5; i >= 0; i--) {
    put(i, t % 256);
    t = Math.floor(t / 256);
  }
  for (let i = 6; i < 16; i++) {
    let b = pool[offset + i - 6] as number;
    if (i === 6)
      b = 0x70 | (b & 0x0f); // version 7
    else if (i === 8) b = 0x80 | (b & 0x3f); // variant 10
    put(i, b);
    last[i - 6] = b;
  }
  offset += 10;
  lastMs = ms;
  return text.toString('latin1');
}

/**
 * Adds one to the 62 random bits after the variant (bytes 9 to 15 and the low six bits of byte
 * 8); false on overflow (then a fresh random id is drawn, which a random start makes as likely
 * as guessing 62 bits).
 */
function increment(): boolean {
  for (let i = 9; i >= 2; i--) {
    const limit = i === 2 ? 0x3f : 0xff;
    const low = i === 2 ? (last[i] as number) & 0x3f : (last[i] as number);
    if (low < limit) {
      last[i] = i === 2 ? 0x80 | (low + 1) : low + 1;
      return true;
    }
    last[i] = i === 2 ? 0x80 : 0;
  }
  return false;
}

function put(i: number, byte: number): void {
  const at = AT[i] as number;
  text[at] = HEX[byte >> 4] as number;
  text[at + 1] = HEX[byte & 15] as number;
}

/** The millisecond timestamp a UUIDv7 carries. */
export function uuidv7Time(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

export const UUIDV7_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
