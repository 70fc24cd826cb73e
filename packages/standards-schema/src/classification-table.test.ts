// The README's data inventory is generated from `fieldsOf`; this test fails when it is stale.
// Regenerate it after a reviewed classification change:
//   UPDATE_CLASSIFICATION_TABLE=1 npx vitest run src/classification-table.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classificationTable, TABLE_END, TABLE_START } from './internal/classificationTable';

const readme = join(import.meta.dirname, '..', 'README.md');

describe('README data inventory (generated from fieldsOf)', () => {
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  const current = classificationTable();
  if (process.env.UPDATE_CLASSIFICATION_TABLE === '1' && start >= 0 && end > start)
    writeFileSync(readme, text.slice(0, start) + current + text.slice(end + TABLE_END.length));

  it('is present in the README', () => {
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
  });

  it('matches what fieldsOf says today', () => {
    expect(text.slice(start, end + TABLE_END.length)).toBe(current);
  });

  it('lists the reason and PII category of a free-text field', () => {
    expect(current).toMatch(
      /\| `closure\.reason` \| confidential \| freeText \(quasi\) \| drop \| Free text written by residents or staff/,
    );
  });
});
