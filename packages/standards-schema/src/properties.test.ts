// Property tests (fast-check, fixed seeds so runs are reproducible; modest numRuns to keep the
// suite quick on a shared machine).
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditEvent } from './AuditEvent';
import { CLASSIFICATIONS, isAtMost } from './classification';
import { fieldsOf } from './fieldsOf';
import { CATALOG } from './internal/catalog';
import { addCityKeywords, jsonSchemaOf } from './json-schema';
import { ServiceRequest } from './open311/ServiceRequest';
import { Person } from './Person';
import { Principal } from './Principal';
import { redact } from './redact';
import { fake } from './testing';

const names = Object.keys(CATALOG).sort();
const schemaOf = (name: string) => CATALOG[name] as z.ZodType;

describe('properties', () => {
  it('no input makes parsing throw anything but a ZodError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true }),
        (name, input) => {
          const schema = schemaOf(name);
          expect(() => schema.safeParse(input)).not.toThrow();
          try {
            schema.parse(input);
          } catch (error) {
            expect(error).toBeInstanceOf(z.ZodError);
          }
        },
      ),
      { numRuns: 300, seed: 311 },
    );
  });

  it('generated records are valid and round-trip through JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.integer(), (name, seed) => {
        const schema = schemaOf(name);
        const record = fake(schema, { seed });
        const json = JSON.parse(JSON.stringify(record));
        expect(json).toEqual(record);
        expect(schema.safeParse(json).success).toBe(true);
      }),
      { numRuns: 150, seed: 2249 },
    );
  });

  it('JSON Schema (strict ajv) and zod agree on generated records and on type-mutated ones', () => {
    const ajv = addCityKeywords(addFormats(new Ajv2020({ strict: true, allowUnionTypes: true })));
    const validators = new Map(names.map((name) => [name, ajv.compile(jsonSchemaOf(name))]));
    const wrongType = fc.oneof(
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.constant({ x: 1 }),
      fc.string(),
    );
    const jsonType = (v: unknown) =>
      v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'number' : typeof v;
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.integer(),
        fc.nat(),
        wrongType,
        (name, seed, pick, replacement) => {
          const schema = schemaOf(name);
          const validate = validators.get(name);
          const record = fake(schema, { seed });
          expect(validate?.(record)).toBe(true);
          if (typeof record !== 'object' || record === null || Array.isArray(record)) return;
          const keys = Object.keys(record);
          const key = keys[pick % keys.length];
          if (key === undefined) return;
          const original = (record as Record<string, unknown>)[key];
          if (jsonType(original) === jsonType(replacement)) return;
          const mutated = { ...record, [key]: replacement };
          expect(validate?.(mutated)).toBe(schema.safeParse(mutated).success);
        },
      ),
      { numRuns: 300, seed: 26986 },
    );
  });

  function valuesAt(value: unknown, path: string): unknown[] {
    let current: unknown[] = [value];
    for (const part of path.split('.')) {
      const array = part.endsWith('[]');
      const key = array ? part.slice(0, -2) : part;
      const next: unknown[] = [];
      for (const item of current) {
        if (typeof item !== 'object' || item === null) continue;
        const values = key === '*' ? Object.values(item) : [(item as Record<string, unknown>)[key]];
        for (const v of values) {
          if (v === undefined) continue;
          if (array && Array.isArray(v)) next.push(...v);
          else next.push(v);
        }
      }
      current = next;
    }
    return current;
  }

  it('redact never leaks a field above the clearance', () => {
    const schemas = { ServiceRequest, Person, Principal, AuditEvent } as Record<string, z.ZodType>;
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(schemas)),
        fc.integer(),
        fc.constantFrom(...CLASSIFICATIONS),
        (name, seed, clearance) => {
          const schema = schemas[name] as z.ZodType;
          const record = fake(schema, { seed });
          const out = redact(schema, record, { clearance });
          for (const field of fieldsOf(schema)) {
            if (isAtMost(field.meta.classification, clearance)) continue;
            const before = valuesAt(record, field.path);
            const after = valuesAt(out, field.path);
            const rule = field.meta.redact ?? 'drop';
            if (rule === 'drop' || rule === 'hash') {
              expect(after, `${name}.${field.path} at ${clearance}`).toEqual([]);
              continue;
            }
            for (const value of after) {
              if (typeof value === 'number') {
                expect(Math.round(value * 100) / 100).toBe(value); // at most 2 decimals (~1 km)
              } else if (typeof value === 'string') {
                expect(
                  before.filter((b) => typeof b === 'string' && b.length > 3),
                  `${name}.${field.path}`,
                ).not.toContain(value);
              } else {
                expect(Array.isArray(value) && value.every((v) => typeof v !== 'object')).toBe(
                  true,
                );
              }
            }
          }
        },
      ),
      { numRuns: 200, seed: 1634 },
    );
  });
});
