// Every field of every exported record schema carries explicit classification metadata, public
// ones included: data-sharing code (audit-log's `share()`) refuses untagged fields, so an
// untagged field here would make a record unshareable, or be shared by accident.
import { describe, expect, it } from 'vitest';
import { fieldsOf } from './fieldsOf';
import { RECORD_NAMES } from './internal/catalog';
import { schemaByName } from './json-schema';

describe('explicit classification on every field of every exported record schema', () => {
  it.each(RECORD_NAMES)('%s has no untagged field', (name) => {
    const untagged = fieldsOf(schemaByName(name))
      .filter((field) => !field.tagged)
      .map((field) => field.path || '(value)');
    expect(untagged).toEqual([]);
  });
});
