import { describe, expect, it } from 'vitest';
import { scrubString } from '../scrub';
import { luhn } from './luhn';

// Positive and negative cases from Microsoft Presidio's recognizer tests (MIT licence),
// presidio-analyzer/tests: test_credit_card_recognizer.py (commit 0f1a17d18edba924b5eab13e5cad1a148435a2c7),
// test_us_ssn_recognizer.py (1b91647ede2131a4c790743f7e3f1922c6cb38be),
// test_phone_recognizer.py (01b4ed1c88aad0c1145f452515ab4fe94e966bed),
// test_email_recognizer.py (0f1a17d18edba924b5eab13e5cad1a148435a2c7).
// Where our rule differs from Presidio's on purpose, the case says so.

const CARDS = [
  '4012888888881881',
  '4012-8888-8888-1881',
  '4012 8888 8888 1881',
  '122000000000003', // AirPlus
  '371449635398431', // Amex
  '5555555555554444', // Mastercard
  '5019717010103742', // Dankort
  '30569309025904', // Diners
  '6011000400000000', // Discover
  '3528000700000000', // JCB
  '6759649826438453', // Maestro
  '4111111111111111', // Visa
  '4917300800000000', // Visa Electron
  '4484070000000000', // Visa Purchasing
];
const NOT_CARDS = ['4012-8888-8888-1882', '36168002586008']; // fail the Luhn check

const SSNS = [
  '078051121',
  '078-05-1123',
  '078.05.1123',
  '078 05 1123',
  '078-05-1120', // Presidio leaves this published sample alone; we scrub it like any SSN
];
const NOT_SSNS = [
  '0780511201', // 10 digits
  '000000000',
  '666000000',
  '078-05-0000',
  '078 00 1123',
  '693-09.4444', // mixed separators
];

describe('PII patterns on published test cases', () => {
  it.each(CARDS)('scrubs the card number %s (Luhn-checked)', (card) => {
    expect(luhn(card.replace(/\D/g, ''))).toBe(true);
    expect(scrubString(`my credit card: ${card} thanks`)).toBe(
      'my credit card: [redacted:card] thanks',
    );
  });

  it.each(NOT_CARDS)('leaves %s, which fails the Luhn check, alone', (text) => {
    expect(scrubString(`my credit card number is ${text}`)).toBe(
      `my credit card number is ${text}`,
    );
  });

  it.each(SSNS)('scrubs the SSN %s, with or without separators', (ssn) => {
    expect(scrubString(`SSN ${ssn}.`)).toBe('SSN [redacted:ssn].');
  });

  it.each(NOT_SSNS)('leaves %s, which no SSN can be, alone', (text) => {
    expect(scrubString(text)).toBe(text);
  });

  it('scrubs US and international numbers, and leaves a number without its + or formatting alone', () => {
    expect(
      scrubString('My US number is (415) 555-0132, and my international one is +1 415 555 0132'),
    ).toBe('My US number is [redacted:phone], and my international one is [redacted:phone]');
    // Presidio's Israeli number: not an E.164 number without its +, not NANP-shaped.
    expect(scrubString('My Israeli number is 09-7625400')).toBe('My Israeli number is 09-7625400');
    expect(scrubString('call +972 9-762-5400 or +44 20 7946 0958 or +16175550142')).toBe(
      'call [redacted:phone] or [redacted:phone] or [redacted:phone]',
    );
    for (const nanp of [
      '617-555-0142',
      '617.555.0142',
      '617 555 0142',
      '1-617-555-0142',
      '(617)555-0142',
    ])
      expect(scrubString(`tel ${nanp}`)).toBe('tel [redacted:phone]');
    expect(scrubString('tel 6175550142')).toBe('tel 6175550142'); // a bare run: could be a record number
  });

  it('scrubs emails and leaves an address without a domain alone', () => {
    expect(
      scrubString('try one of this emails: info@presidio.site or anotherinfo@presidio.site'),
    ).toBe('try one of this emails: [redacted:email] or [redacted:email]');
    expect(scrubString('the email is my email is info@presidio.')).toBe(
      'the email is my email is info@presidio.',
    );
  });

  it("keeps Boston's 12-digit 311 case numbers, dates, times and amounts", () => {
    const text =
      'Cases 101005551234, 101005551235 101005551236 closed 2026-12-05 at 14:30:00; fee $1,250.00; ZIP 02108-1234';
    expect(scrubString(text)).toBe(text);
  });

  it('keeps digests and ids whose hex happens to hold an SSN-shaped or Luhn-valid digit run', () => {
    // A share manifest's content hash, seen scrubbed as "7dada[redacted:ssn]bff..." before.
    const text =
      'sha256:7dada293095487bff759d47e76b35d7dc6c2103f8344cbefad7d395dbdb49d7b and an id a4111111111111111f';
    expect(scrubString(text)).toBe(text);
    expect(scrubString('SSN: 293095487, card 4111111111111111.')).toBe(
      'SSN: [redacted:ssn], card [redacted:card].',
    );
  });
});
