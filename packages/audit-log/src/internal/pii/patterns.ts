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

/** What a match is replaced with. */
export const REDACTED = {
  email: '[redacted:email]',
  phone: '[redacted:phone]',
  card: '[redacted:card]',
  ssn: '[redacted:ssn]',
} as const;

export const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

export const E164 = /\+[1-9][\d ().-]{5,24}\d/g;

/** An E.164 candidate is a phone when it has 7 to 15 digits and no doubled separator. */
export function isE164(match: string): boolean {
  const digits = match.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15 && !/[ .-]{2}/.test(match);
}

export const NANP = /(?<![\d+])(?:1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\d)/g;

export const CARD =
  /(?<!\d)(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{3})?|\d{4}([ -])\d{6}\2\d{4,5})(?!\d)/g;

/** A card candidate is a card when its digits pass the Luhn check. */
export function isCard(match: string): boolean {
  return luhn(match.replace(/\D/g, ''));
}

export const SSN = /(?<!\d)(?!000|666|9\d\d)\d{3}([- .]?)(?!00)\d{2}\1(?!0000)\d{4}(?!\d)/g;
