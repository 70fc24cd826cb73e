import { luhn } from './luhn';

// The patterns the scrubber replaces, each with its rule. They are checked against published
// PII-detection test cases (Microsoft Presidio's recognizer tests; see pii/patterns.test.ts),
// and against what must survive: Boston's 12-digit 311 case numbers, dates, times, amounts.
//
// - Email: local@domain.tld (a TLD of two letters or more).
// - E.164 phone: `+`, a country code, 7 to 15 digits in all, single spaces, dots, hyphens or
//   parentheses between them. Without the `+` a digit run is not taken for an international
//   number.
// - NANP phone (US, Canada): 3-3-4 digits with separators (`617-555-0142`, `617.555.0142`,
//   `617 555 0142`, `(617) 555-0142`), optionally after `1`. A bare run of 10 digits is not
//   taken for a phone: it is as likely a record number.
// - Payment card: 13 to 19 digits, contiguous or in the printed groups (4-4-4-4[-3],
//   4-6-5, 4-6-4, one separator kind), that pass the Luhn check.
// - US SSN: 3-2-4 digits with one kind of separator (hyphen, space or dot) or none (exactly 9
//   digits, not part of a longer run), following the SSA's rules (area not 000, 666 or 9xx;
//   group not 00; serial not 0000). Published sample numbers (078-05-1120) are scrubbed too.
// - Cards and SSNs stand alone: a digit run inside a token of letters and digits (a SHA-256 hex
//   digest, a UUID, a base64 id) is part of that token, not a number, so it is left as it is.

/** What a match is replaced with. */
export const REDACTED = {
  email: '[redacted:email]',
  phone: '[redacted:phone]',
  card: '[redacted:card]',
  ssn: '[redacted:ssn]',
} as const;

export const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * The number patterns in one pass, as alternatives tried at each position: 1 an E.164
 * candidate, 2 a card candidate (3, 4 its separators), 5 an SSN (6 its separator), 7 a NANP
 * phone. One scan of the string instead of one per pattern.
 */
export const NUMBERS = new RegExp(
  [
    String.raw`(\+[1-9][\d ().-]{5,24}\d)`,
    String.raw`(?<![A-Za-z\d])(\d{13,19}|\d{4}([ -])\d{4}\3\d{4}\3\d{4}(?:\3\d{3})?|\d{4}([ -])\d{6}\4\d{4,5})(?![A-Za-z\d])`,
    String.raw`(?<![A-Za-z\d])((?!000|666|9\d\d)\d{3}([- .]?)(?!00)\d{2}\6(?!0000)\d{4})(?![A-Za-z\d])`,
    String.raw`((?<![\d+])(?:1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\d))`,
  ].join('|'),
  'g',
);

/** An E.164 candidate is a phone when it has 7 to 15 digits and no doubled separator. */
export function isE164(match: string): boolean {
  const digits = match.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15 && !/[ .-]{2}/.test(match);
}

/** A card candidate is a card when its digits pass the Luhn check. */
export function isCard(match: string): boolean {
  return luhn(match.replace(/\D/g, ''));
}

/** What one {@link NUMBERS} match becomes. */
function redacted(m: RegExpExecArray): string {
  if (m[1] !== undefined) return isE164(m[0]) ? REDACTED.phone : m[0];
  if (m[2] !== undefined) return isCard(m[0]) ? REDACTED.card : m[0];
  if (m[5] !== undefined) return REDACTED.ssn;
  return REDACTED.phone;
}

/**
 * `s` with every {@link NUMBERS} match redacted (an exec loop: `replace` with a callback costs
 * more than the scan itself on V8).
 */
export function redactNumbers(s: string): string {
  NUMBERS.lastIndex = 0;
  let m = NUMBERS.exec(s);
  if (m === null) return s;
  let out = '';
  let last = 0;
  while (m !== null) {
    out += s.slice(last, m.index) + redacted(m);
    last = NUMBERS.lastIndex;
    m = NUMBERS.exec(s);
  }
  return out + s.slice(last);
}

/** Whether `s` has at least 7 digits: the fewest any number pattern needs. */
export function mayHoldNumber(s: string): boolean {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++n === 7) return true;
  }
  return false;
}
