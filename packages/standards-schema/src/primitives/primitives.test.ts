import { describe, expect, it } from 'vitest';
import { CalendarDate, DateTime } from './DateTime';
import { Email } from './Email';

describe('DateTime (RFC 3339 §5.6)', () => {
  it('accepts the RFC’s own examples', () => {
    for (const value of [
      '1985-04-12T23:20:50.52Z',
      '1996-12-19T16:39:57-08:00',
      '1937-01-01T12:00:27.87+00:20',
    ]) {
      expect(DateTime.safeParse(value).success, value).toBe(true);
    }
  });

  it('rejects a missing offset and impossible dates', () => {
    expect(DateTime.safeParse('2025-11-02T01:30:00').success).toBe(false);
    expect(DateTime.safeParse('2025-13-01T00:00:00Z').success).toBe(false);
    expect(DateTime.safeParse('yesterday').success).toBe(false);
  });

  it('has a CalendarDate for full-date', () => {
    expect(CalendarDate.safeParse('2024-02-29').success).toBe(true);
    expect(CalendarDate.safeParse('2025-02-29').success).toBe(false);
  });
});

describe('Email', () => {
  it('accepts ordinary addresses and rejects non-addresses', () => {
    expect(Email.safeParse('resident@example.org').success).toBe(true);
    expect(Email.safeParse('first.last+311@boston.gov').success).toBe(true);
    expect(Email.safeParse('resident@').success).toBe(false);
    expect(Email.safeParse('no at sign').success).toBe(false);
  });
});
