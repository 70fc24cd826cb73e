import { describe, expect, it } from 'vitest';
import { type Classification, classificationRank } from './classification';
import { STANDARDS_SCHEMA_ERROR_CODES, StandardsSchemaError } from './errors';

describe('StandardsSchemaError', () => {
  it('carries a documented code, a name and the cause', () => {
    const cause = new Error('inner');
    const error = new StandardsSchemaError('INVALID_INPUT', 'bad file', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StandardsSchemaError');
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.cause).toBe(cause);
    expect(STANDARDS_SCHEMA_ERROR_CODES).toContain(error.code);
  });

  it('is what an unknown classification level throws (UNKNOWN_CLASSIFICATION)', () => {
    expect(() => classificationRank('secret' as Classification)).toThrowError(
      expect.objectContaining({ code: 'UNKNOWN_CLASSIFICATION' }),
    );
  });
});
