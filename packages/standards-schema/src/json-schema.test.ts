import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classified } from './classified';
import {
  addCityKeywords,
  CITY_KEYWORDS,
  jsonSchemaOf,
  openApiComponents,
  SCHEMA_NAMES,
  schemaByName,
} from './json-schema';
import { fakeMany } from './testing';

function strictAjv() {
  return addCityKeywords(
    addFormats(new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: false })),
  );
}

describe('JSON Schema generation', () => {
  it('carries classification metadata as x- keys and the record level on the root', () => {
    const doc = jsonSchemaOf('ServiceRequest') as {
      'x-classification': string;
      $defs: { ServiceRequest: { properties: Record<string, Record<string, unknown>> } };
    };
    expect(doc['x-classification']).toBe('confidential');
    const contact = (
      doc.$defs.ServiceRequest.properties.contact as {
        anyOf: { properties: Record<string, { anyOf: Record<string, unknown>[] }> }[];
      }
    ).anyOf[0];
    expect(contact?.properties.email).toMatchObject({
      'x-classification': 'confidential',
      'x-pii-category': 'contact.email',
      'x-pii-kind': 'direct',
      'x-redact': 'mask',
    });
  });

  it('is rejected by a strict ajv without the keyword plugin, and compiled with it', () => {
    const bare = addFormats(new Ajv2020({ strict: true }));
    expect(() => bare.compile(jsonSchemaOf('Principal'))).toThrow(/x-classification/);
    const ajv = strictAjv();
    for (const name of SCHEMA_NAMES)
      expect(() => ajv.compile(jsonSchemaOf(name)), name).not.toThrow();
    expect(CITY_KEYWORDS).toContain('x-classification');
  });

  it('agrees with zod on generated valid records and on broken ones', () => {
    const ajv = strictAjv();
    for (const name of SCHEMA_NAMES) {
      const schema = schemaByName(name) as z.ZodType;
      const validate = ajv.compile(jsonSchemaOf(name));
      for (const record of fakeMany(schema, { seed: name, count: 20 })) {
        expect(validate(record), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
        expect(schema.safeParse(record).success).toBe(true);
        const broken = { ...(record as object), [Object.keys(record as object)[0] ?? 'x']: 12345 };
        expect(validate(broken)).toBe(schema.safeParse(broken).success);
      }
    }
    // Compiles every exported schema with ajv: a limit for a loaded CI machine, not a timing.
  }, 120_000);

  it('throws UNKNOWN_SCHEMA for an unknown name', () => {
    expect(() => jsonSchemaOf('Pothole')).toThrowError(
      expect.objectContaining({ code: 'UNKNOWN_SCHEMA' }),
    );
  });

  it('converts any classified schema, not only the exported ones', () => {
    const doc = jsonSchemaOf(
      z.object({
        ssn: classified(z.string(), { classification: 'restricted', legal: ['M.G.L. c. 93H'] }),
      }),
    );
    expect(doc).toMatchObject({
      'x-classification': 'restricted',
      properties: { ssn: { 'x-classification': 'restricted', 'x-legal': ['M.G.L. c. 93H'] } },
    });
  });

  it('builds an OpenAPI 3.1 components document whose refs resolve', () => {
    const doc = openApiComponents() as {
      openapi: string;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.1');
    for (const name of SCHEMA_NAMES) expect(doc.components.schemas[name], name).toBeDefined();
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const target = ref.slice(8, -1);
      expect(target.startsWith('#/components/schemas/')).toBe(true);
      expect(
        doc.components.schemas[target.slice('#/components/schemas/'.length)],
        target,
      ).toBeDefined();
    }
  });
});
