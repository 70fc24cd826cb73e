import { describe, expect, it } from 'vitest';
import { DateTimeInput, localToDateTime, readLocalDateTime } from './localDateTime';

describe('local America/New_York date-times', () => {
  it('reads summer and winter times with their offsets', () => {
    expect(localToDateTime('2025-07-04T09:00')).toBe('2025-07-04T09:00:00-04:00');
    expect(localToDateTime('2025-01-15 17:30:05')).toBe('2025-01-15T17:30:05-05:00');
  });

  it('reports the repeated autumn hour as ambiguous (AMBIGUOUS_LOCAL_TIME)', () => {
    expect(readLocalDateTime('2025-11-02T01:30')).toEqual({
      status: 'ambiguous',
      candidates: ['2025-11-02T01:30:00-04:00', '2025-11-02T01:30:00-05:00'],
    });
    expect(() => localToDateTime('2025-11-02T01:30')).toThrowError(
      expect.objectContaining({ code: 'AMBIGUOUS_LOCAL_TIME' }),
    );
    expect(localToDateTime('2025-11-02T01:30', { prefer: 'later' })).toBe(
      '2025-11-02T01:30:00-05:00',
    );
    expect(readLocalDateTime('2025-11-02T02:00').status).toBe('exact');
  });

  it('reports the skipped spring hour as nonexistent (NONEXISTENT_LOCAL_TIME)', () => {
    expect(readLocalDateTime('2025-03-09T02:30').status).toBe('nonexistent');
    expect(() => localToDateTime('2025-03-09T02:30')).toThrowError(
      expect.objectContaining({ code: 'NONEXISTENT_LOCAL_TIME' }),
    );
  });

  it('rejects text that is not a local date-time (INVALID_DATE_TIME)', () => {
    expect(() => readLocalDateTime('2025-02-30T10:00')).toThrowError(
      expect.objectContaining({ code: 'INVALID_DATE_TIME' }),
    );
    expect(() => readLocalDateTime('noon')).toThrowError(
      expect.objectContaining({ code: 'INVALID_DATE_TIME' }),
    );
  });

  it('DateTimeInput keeps offset times, reads local ones and reports ambiguity as an issue', () => {
    expect(DateTimeInput.parse('2025-06-01T14:05:00Z')).toBe('2025-06-01T14:05:00Z');
    expect(DateTimeInput.parse('2025-06-01T14:05')).toBe('2025-06-01T14:05:00-04:00');
    const ambiguous = DateTimeInput.safeParse('2025-11-02T01:30');
    expect(ambiguous.error?.issues[0]).toMatchObject({
      code: 'custom',
      params: { reason: 'ambiguous' },
    });
    expect(DateTimeInput.safeParse('tomorrow').error?.issues[0]?.code).toBe('invalid_format');
  });
});
