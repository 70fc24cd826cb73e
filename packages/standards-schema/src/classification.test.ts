import { describe, expect, it } from 'vitest';
import {
  CLASSIFICATIONS,
  Classification,
  compareClassification,
  isAtMost,
  isClassification,
  maxClassification,
} from './classification';

describe('Classification', () => {
  it('orders public < internal < confidential < restricted', () => {
    const shuffled: Classification[] = ['restricted', 'public', 'confidential', 'internal'];
    expect([...shuffled].sort(compareClassification)).toEqual([...CLASSIFICATIONS]);
  });

  it('lets a clearance see its own level and below, never above', () => {
    expect(isAtMost('confidential', 'confidential')).toBe(true);
    expect(isAtMost('public', 'internal')).toBe(true);
    expect(isAtMost('restricted', 'confidential')).toBe(false);
    expect(isAtMost('internal', 'public')).toBe(false);
  });

  it('takes the most protected level of a record', () => {
    expect(maxClassification('public', 'confidential', 'internal')).toBe('confidential');
    expect(maxClassification()).toBe('public');
  });

  it('rejects unknown levels in the schema and in the guard', () => {
    expect(Classification.safeParse('secret').success).toBe(false);
    expect(Classification.parse('internal')).toBe('internal');
    expect(isClassification('secret')).toBe(false);
    expect(isClassification('restricted')).toBe(true);
    expect(() => compareClassification('secret' as Classification, 'public')).toThrow(
      /Unknown classification "secret"/,
    );
  });
});
