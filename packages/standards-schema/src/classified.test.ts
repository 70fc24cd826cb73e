import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classificationRegistry, classified, type FieldMeta, PII_CATEGORIES } from './classified';
import { StandardsSchemaError } from './errors';

describe('classified', () => {
  it('tags a copy and leaves the shared schema untagged', () => {
    const base = z.string();
    const tagged = classified(base, { classification: 'confidential', redact: 'mask' });
    expect(classificationRegistry.get(tagged)).toEqual({
      classification: 'confidential',
      redact: 'mask',
    });
    expect(classificationRegistry.get(base)).toBeUndefined();
    expect(tagged.parse('x')).toBe('x');
  });

  it('keeps the metadata through .describe() clones', () => {
    const tagged = classified(z.string(), { classification: 'restricted' }).describe('SSN');
    expect(classificationRegistry.get(tagged)?.classification).toBe('restricted');
  });

  it('rejects invalid metadata with INVALID_FIELD_META naming the field', () => {
    const bad = { classification: 'secret' } as unknown as FieldMeta;
    expect(() => classified(z.string(), bad)).toThrow(StandardsSchemaError);
    try {
      classified(z.string(), {
        classification: 'internal',
        pii: { category: 'shoe.size', kind: 'direct' },
      } as unknown as FieldMeta);
    } catch (error) {
      expect(error).toBeInstanceOf(StandardsSchemaError);
      expect((error as StandardsSchemaError).code).toBe('INVALID_FIELD_META');
      expect((error as Error).message).toMatch(/pii\.category/);
    }
    expect.assertions(4);
  });

  it('lists the PII categories the issue requires', () => {
    for (const category of [
      'identity.name',
      'identity.govId',
      'financial.account',
      'biometric',
      'contact.email',
      'contact.phone',
      'contact.postal',
      'location.precise',
      'location.coarse',
      'online.identifier',
      'freeText',
      'media',
    ]) {
      expect(PII_CATEGORIES).toContain(category);
    }
    expect(PII_CATEGORIES.filter((c) => c.startsWith('demographic.'))).toHaveLength(4);
  });
});
