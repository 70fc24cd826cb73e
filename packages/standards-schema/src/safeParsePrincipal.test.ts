import { describe, expect, it } from 'vitest';
import { regexes } from 'zod/v4/core';
import { Principal } from './Principal';
import { DateTime } from './primitives/DateTime';
import { Email } from './primitives/Email';
import { safeParsePrincipal } from './safeParsePrincipal';

// A small seeded generator (mulberry32), so a failure names an input that can be replayed.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ABSENT = Symbol('absent');
const junk = [undefined, null, 0, 42, true, {}, [], 'x', '', ' '];
const pools: Record<string, unknown[]> = {
  sub: ['u-1042', 'a', '', ...junk],
  name: ['Avery Quinn (synthetic)', 'Q', '', ...junk],
  email: [
    'avery.quinn@example.org',
    'A.B+c@dev.invalid',
    'no-at-sign',
    'a@b',
    'a@b.c',
    'a..b@example.org',
    '.a@example.org',
    'a@-example.org',
    "o'brien@example.org",
    ...junk,
  ],
  department: [
    'PWD',
    'DoIT',
    'a',
    'A'.repeat(32),
    'A'.repeat(33),
    '1PWD',
    'Public Works',
    'P_W-D',
    ...junk,
  ],
  roles: [[], ['case.manager'], ['a', 'b'], [''], ['a', 3], 'case.manager', ...junk],
  clearance: ['public', 'internal', 'confidential', 'restricted', 'secret', 'Internal', ...junk],
  employeeType: ['employee', 'contractor', 'volunteer', 'intern', ...junk],
  accountExpiresAt: [
    '2026-06-30T23:59:59-04:00',
    '2026-06-30T23:59:59Z',
    '2026-06-30T23:59:59.123456Z',
    '2026-06-30T23:59Z',
    '2026-06-30T23:59:59',
    '2026-06-30',
    '2026-13-30T23:59:59Z',
    '2026-02-30T23:59:59Z',
    '2026-06-30T24:00:00Z',
    '2026-06-30T23:59:59+24:00',
    '2026-06-30t23:59:59z',
    ...junk,
  ],
};
const authPools: Record<string, unknown[]> = {
  acr: ['urn:cityofboston:acr:mfa', '', ...junk],
  amr: [['pwd'], ['pwd', 'otp'], [], [''], 'pwd', ...junk],
  authTime: ['2025-11-02T09:00:00-05:00', '2025-11-02 09:00', ...junk],
};

function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)] as T;
}

function generate(next: () => number): unknown {
  const roll = next();
  if (roll < 0.02) return pick(next, [null, 'principal', 3, [], undefined]);
  const value: Record<string, unknown> = {};
  for (const [key, pool] of Object.entries(pools)) {
    // Mostly valid values, so that single faults are common and whole successes happen.
    const candidate = next() < 0.15 ? ABSENT : next() < 0.8 ? pool[0] : pick(next, pool);
    if (candidate !== ABSENT) value[key] = candidate;
  }
  const authRoll = next();
  if (authRoll < 0.5) {
    const auth: Record<string, unknown> = {};
    for (const [key, pool] of Object.entries(authPools)) {
      const candidate = next() < 0.3 ? ABSENT : next() < 0.7 ? pool[0] : pick(next, pool);
      if (candidate !== ABSENT) auth[key] = candidate;
    }
    if (next() < 0.2) auth.extra = 'dropped';
    value.auth = auth;
  } else if (authRoll < 0.6) value.auth = pick(next, junk);
  if (next() < 0.3) value.unknownClaim = 'dropped';
  return value;
}

// The fields named. (zod also runs a string's length check on a value of the wrong type, which
// adds a second issue at the same path; the verdict and the paths are what callers rely on.)
function paths(issues: readonly { path: PropertyKey[] }[]): string[] {
  return [...new Set(issues.map((i) => i.path.map(String).join('.')))].sort();
}

describe('safeParsePrincipal', () => {
  it('uses the very patterns of the Email and DateTime schemas', () => {
    const email = (Email._zod.def as { pattern?: RegExp }).pattern;
    const dateTime = (DateTime._zod.def as { pattern?: RegExp }).pattern;
    expect(email?.source).toBe(regexes.email.source);
    expect(dateTime?.source).toBe(regexes.datetime({ offset: true }).source);
  });

  it('accepts and rejects the same 20,000 generated inputs as Principal.safeParse, with the same output and issue paths', () => {
    const next = random(20251102);
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const input = generate(next);
      const ours = safeParsePrincipal(input);
      const theirs = Principal.safeParse(input);
      const label = JSON.stringify(input) ?? String(input);
      expect(ours.success, label).toBe(theirs.success);
      if (ours.success && theirs.success) {
        accepted++;
        expect(ours.data, label).toStrictEqual(theirs.data);
      } else if (!ours.success && !theirs.success) {
        expect(paths(ours.issues), label).toEqual(paths(theirs.error.issues));
      }
    }
    // The generator must exercise both sides, or the comparison proves little.
    expect(accepted).toBeGreaterThan(1_000);
    expect(accepted).toBeLessThan(19_000);
  });

  it('names each bad field with a zod-shaped issue', () => {
    const result = safeParsePrincipal({
      sub: '',
      name: 'Avery',
      department: 'Public Works',
      roles: ['ok', ''],
      clearance: 'secret',
      employeeType: 'employee',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['sub', 'too_small'],
      ['department', 'invalid_format'],
      ['roles.1', 'too_small'],
      ['clearance', 'invalid_value'],
    ]);
  });
});
