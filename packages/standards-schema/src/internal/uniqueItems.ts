// JSON Schema's `"uniqueItems": true` for a zod array of plain values: zod has no such check,
// so it is a refinement that names the repeated value and where it repeats, and the exported
// JSON Schema carries the keyword itself (so both give the same verdict).
import type { z } from 'zod';

/**
 * `array` that rejects a value appearing twice, with an issue at the second occurrence:
 * `Duplicate value "Health" (already at index 0)`. Items are compared as JSON Schema's
 * `uniqueItems` compares strings, numbers and booleans: by value.
 */
export function uniqueItems<T extends z.ZodType<string | number | boolean>>(array: z.ZodArray<T>) {
  return array
    .check((ctx) => {
      const first = new Map<unknown, number>();
      for (const [index, item] of ctx.value.entries()) {
        const seen = first.get(item);
        if (seen === undefined) first.set(item, index);
        else
          ctx.issues.push({
            code: 'custom',
            input: item,
            path: [index],
            message: `Duplicate value ${JSON.stringify(item)} (already at index ${seen}); the list must not repeat a value`,
          });
      }
    })
    .meta({ uniqueItems: true });
}
