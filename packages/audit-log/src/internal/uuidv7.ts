// UUIDv7 (RFC 9562 section 5.7): 48 bits of Unix milliseconds, then random bits. Sorting by id
// sorts by creation time, which keeps B-tree inserts local in PostgreSQL.
const hex: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

// Random bytes come from a pool refilled 4 KiB at a time: one getRandomValues call per 256 ids.
const pool = new Uint8Array(4096);
let offset = pool.length;
const bytes = new Uint8Array(16);

export function uuidv7(ms: number = Date.now()): string {
  if (offset + 10 > pool.length) {
    crypto.getRandomValues(pool);
    offset = 0;
  }
  bytes.set(pool.subarray(offset, offset + 10), 6);
  offset += 10;
  let t = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += hex[bytes[i] ?? 0];
  }
  return out;
}

/** The millisecond timestamp a UUIDv7 carries. */
export function uuidv7Time(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

export const UUIDV7_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
