// The data inventory in the package README: every field of every exported record schema, its
// level, PII category and the reason, generated from `fieldsOf` (classification-table.test.ts
// fails when the README is stale).
import { fieldsOf } from '../fieldsOf';
import { CATALOG, RECORD_NAMES } from './catalog';

export const TABLE_START =
  '<!-- classification-table:start (generated; see src/classification-table.test.ts) -->';
export const TABLE_END = '<!-- classification-table:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function classificationTable(): string {
  const parts: string[] = [];
  for (const name of RECORD_NAMES) {
    const schema = CATALOG[name];
    if (!schema) continue;
    const fields = fieldsOf(schema);
    const counts = new Map<string, number>();
    for (const field of fields)
      counts.set(field.meta.classification, (counts.get(field.meta.classification) ?? 0) + 1);
    const summary = [...counts].map(([level, n]) => `${n} ${level}`).join(', ');
    parts.push(
      `<details><summary><code>${name}</code>: ${fields.length} fields (${summary})</summary>`,
      '',
      '| field | level | PII | redaction | reason |',
      '| --- | --- | --- | --- | --- |',
      ...fields.map(
        (field) =>
          `| \`${cell(field.path || '(value)')}\` | ${field.meta.classification} | ${field.meta.pii ? `${field.meta.pii.category} (${field.meta.pii.kind})` : ''} | ${field.meta.redact ?? ''} | ${cell(field.meta.reason ?? '')} |`,
      ),
      '',
      '</details>',
      '',
    );
  }
  return `${TABLE_START}\n\n${parts.join('\n')}\n${TABLE_END}`;
}
