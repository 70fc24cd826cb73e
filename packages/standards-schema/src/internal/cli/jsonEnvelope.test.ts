import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { envelopeArray } from './jsonEnvelope';

const arrayAt = (text: string, key: string) => {
  const found = envelopeArray(text, key);
  return found && { text: text.slice(found.start, found.end), line: found.line };
};

describe('envelopeArray', () => {
  it('finds the array a top-level key holds, and the line it starts on', () => {
    const text =
      '{\n "fields": [{"name": "features"}],\n "note": "\\"features\\": [1]",\n "features": [\n  {"attributes": {"a": "]"}}\n ],\n "exceededTransferLimit": false\n}';
    expect(arrayAt(text, 'features')).toEqual({
      text: '[\n  {"attributes": {"a": "]"}}\n ]',
      line: 4,
    });
    expect(arrayAt(text, 'fields')).toEqual({ text: '[{"name": "features"}]', line: 2 });
  });

  it('finds nothing when the key is absent, nested, or holds something else than an array', () => {
    expect(envelopeArray('{"error": {"code": 400}}', 'features')).toBeUndefined();
    expect(envelopeArray('{"a": {"features": [1]}}', 'features')).toBeUndefined();
    expect(envelopeArray('{"features": {"0": [1]}}', 'features')).toBeUndefined();
    expect(envelopeArray('{"features": "[1]"}', 'features')).toBeUndefined();
    expect(envelopeArray('[{"features": [1]}]', 'features')).toBeUndefined();
  });

  it('gives the same array JSON.parse sees, for any document', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const text = JSON.stringify(object, null, 1);
        const found = envelopeArray(text, 'k');
        const value = (object as Record<string, unknown>).k;
        if (Array.isArray(value)) {
          expect(found && JSON.parse(text.slice(found.start, found.end))).toEqual(value);
        } else expect(found).toBeUndefined();
      }),
    );
  });
});
