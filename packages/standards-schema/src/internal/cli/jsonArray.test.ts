import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonArrayError, jsonArrayElements } from './jsonArray';

async function* chunked(text: string, sizes: number[]) {
  let at = 0;
  let k = 0;
  while (at < text.length) {
    const size = Math.max(1, sizes[k++ % Math.max(1, sizes.length)] ?? 1);
    yield text.slice(at, at + size);
    at += size;
  }
}

async function read(text: string, sizes: number[] = [7]) {
  const out: { line: number; value: unknown }[] = [];
  for await (const element of jsonArrayElements(chunked(text, sizes))) out.push(element);
  return out;
}

describe('jsonArrayElements', () => {
  it('yields each element with the line it starts on, across chunk boundaries', async () => {
    const text = '[\n  {"a": "x]}\\"{["},\n  [1, [2]],\n  "s,]",\n  -1.5e3 ,\n  true,null\n]\n';
    expect(await read(text, [1])).toEqual([
      { line: 2, value: { a: 'x]}"{[' } },
      { line: 3, value: [1, [2]] },
      { line: 4, value: 's,]' },
      { line: 5, value: -1500 },
      { line: 6, value: true },
      { line: 6, value: null },
    ]);
    expect(await read('[]')).toEqual([]);
    expect(await read('\uFEFF [ 1 ] ')).toEqual([{ line: 1, value: 1 }]);
  });

  it('says what is wrong and where when the text is not a JSON array', async () => {
    const cases: [string, RegExp][] = [
      ['{"a":1}', /line 1: expected "\[" to start a JSON array/],
      ['[1,\n2,]', /line 2: expected an array element/],
      ['[{"a":1}\n{"b":2}]', /line 2: expected "," or "\]" after an element/],
      ['[1]\n[2]', /line 2: unexpected text after the end of the array/],
      ['[{"a":1},\n', /the JSON array is not closed/],
      ['[{"a":}]', /not valid JSON in the element starting on line 1/],
      ['[tru]', /not valid JSON in the element starting on line 1/],
    ];
    for (const [text, message] of cases) {
      await expect(read(text), text).rejects.toThrow(JsonArrayError);
      await expect(read(text), text).rejects.toThrow(message);
    }
  });

  it('gives what JSON.parse gives, for any array, pretty or not, in any chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue()),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        async (values, pretty, sizes) => {
          const text = JSON.stringify(values, null, pretty ? 2 : undefined);
          const elements = await read(text, sizes);
          expect(elements.map((e) => e.value)).toEqual(JSON.parse(text));
          if (pretty) {
            // Each element starts on its own line, counted from the text itself.
            const lines = text.split('\n');
            for (const { line, value } of elements) {
              const first = JSON.stringify(value, null, 2).split('\n')[0] as string;
              expect(lines[line - 1]?.trim().startsWith(first.trim())).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
