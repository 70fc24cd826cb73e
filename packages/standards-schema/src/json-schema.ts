import { z } from 'zod';
import { classificationRegistry } from './classified';
import { StandardsSchemaError } from './errors';
import { classificationOf } from './fieldsOf';
import { CATALOG } from './internal/catalog';

/** A JSON Schema document (draft 2020-12) as a plain object. */
export type JsonSchema = Record<string, unknown>;

/**
 * The `x-` keywords this package adds to generated JSON Schema, following the OpenAPI extension
 * convention. Register them with a strict ajv through {@link addCityKeywords}.
 *
 * - `x-classification`: the field's level (and, on the root, the record's level).
 * - `x-pii-category`, `x-pii-kind`: what personal data the field holds.
 * - `x-redact`: how `redact()` treats it for viewers below its level.
 * - `x-legal`: laws and policies protecting it.
 * - `x-truncate-length`: what `truncate` keeps.
 */
export const CITY_KEYWORDS = [
  'x-classification',
  'x-pii-category',
  'x-pii-kind',
  'x-redact',
  'x-legal',
  'x-truncate-length',
] as const;

/** The part of ajv's API {@link addCityKeywords} uses, so this package need not depend on ajv. */
export interface AjvLike {
  addKeyword: (...args: never[]) => unknown;
}

type AddKeyword = (definition: {
  keyword: string;
  schemaType: string[];
  valid: boolean;
}) => unknown;

/**
 * An ajv plugin: registers {@link CITY_KEYWORDS} as annotation keywords, so an ajv in strict mode
 * (which rejects every unknown keyword, `x-` ones included) compiles these schemas.
 *
 * @example
 * ```ts
 * import Ajv2020 from 'ajv/dist/2020';
 * import addFormats from 'ajv-formats';
 * import { addCityKeywords, jsonSchemaOf } from '@cityofboston/standards-schema/json-schema';
 *
 * const ajv = addCityKeywords(addFormats(new Ajv2020({ strict: true, allowUnionTypes: true })));
 * const validate = ajv.compile(jsonSchemaOf('ServiceRequest'));
 * ```
 */
export function addCityKeywords<A extends AjvLike>(ajv: A): A {
  for (const keyword of CITY_KEYWORDS) {
    (ajv.addKeyword as unknown as AddKeyword).call(ajv, {
      keyword,
      schemaType: ['string', 'array', 'number'],
      valid: true,
    });
  }
  return ajv;
}

/** The names {@link jsonSchemaOf} and the CLI accept: every record schema this package exports. */
export const SCHEMA_NAMES: readonly string[] = Object.keys(CATALOG).sort();

/**
 * The exported schema of that name.
 *
 * @throws StandardsSchemaError `UNKNOWN_SCHEMA` for a name this package does not export.
 */
export function schemaByName(name: string): z.core.$ZodType {
  const schema = Object.hasOwn(CATALOG, name) ? CATALOG[name] : undefined;
  if (!schema) {
    throw new StandardsSchemaError(
      'UNKNOWN_SCHEMA',
      `Unknown schema "${name}"; expected one of: ${SCHEMA_NAMES.join(', ')}`,
    );
  }
  return schema;
}

function withCityKeywords(target: 'draft-2020-12' | 'openapi-3.0') {
  return {
    target,
    io: 'input' as const,
    unrepresentable: 'any' as const,
    override: (ctx: { zodSchema: z.core.$ZodType; jsonSchema: Record<string, unknown> }) => {
      const meta = classificationRegistry.get(ctx.zodSchema);
      if (!meta) return;
      ctx.jsonSchema['x-classification'] = meta.classification;
      if (meta.pii) {
        ctx.jsonSchema['x-pii-category'] = meta.pii.category;
        ctx.jsonSchema['x-pii-kind'] = meta.pii.kind;
      }
      if (meta.redact) ctx.jsonSchema['x-redact'] = meta.redact;
      if (meta.legal) ctx.jsonSchema['x-legal'] = [...meta.legal];
      if (meta.truncateLength !== undefined)
        ctx.jsonSchema['x-truncate-length'] = meta.truncateLength;
    },
  };
}

const cache = new Map<z.core.$ZodType, JsonSchema>();

/**
 * The JSON Schema (draft 2020-12) of a schema, or of an exported schema by name, describing the
 * input the zod schema accepts (so both give the same verdict on any record): `null` and numeric
 * ids where the zod schema normalizes them, and unknown keys accepted wherever zod accepts
 * (and strips) them; `additionalProperties: false` only where the zod schema is strict. With each classified field's metadata
 * as `x-` keys and the record's level as `x-classification` on the root. Refinements that JSON
 * Schema cannot express (e.g. `validUntil` after `validFrom`) are checked by zod only.
 * The same documents are written at build time to `@cityofboston/standards-schema/json-schema/<Name>.json`.
 *
 * @throws StandardsSchemaError `UNKNOWN_SCHEMA` for an unknown name.
 */
export function jsonSchemaOf(schemaOrName: string | z.core.$ZodType): JsonSchema {
  const schema = typeof schemaOrName === 'string' ? schemaByName(schemaOrName) : schemaOrName;
  let doc = cache.get(schema);
  if (!doc) {
    doc = z.toJSONSchema(schema, withCityKeywords('draft-2020-12')) as JsonSchema;
    doc['x-classification'] = classificationOf(schema);
    cache.set(schema, doc);
  }
  return structuredClone(doc);
}

/** Every exported record schema's JSON Schema, by name. */
export function jsonSchemas(): Record<string, JsonSchema> {
  return Object.fromEntries(SCHEMA_NAMES.map((name) => [name, jsonSchemaOf(name)]));
}

/**
 * An OpenAPI 3.1 document whose `components.schemas` hold every exported record schema (JSON
 * Schema 2020-12 is OpenAPI 3.1's schema dialect), with the same `x-` keys.
 *
 * Standard: [OpenAPI 3.1.1 Components Object](https://spec.openapis.org/oas/v3.1.1.html#components-object).
 */
export function openApiComponents(): JsonSchema {
  const schemas: Record<string, JsonSchema> = {};
  for (const name of SCHEMA_NAMES) {
    const {
      $schema: _dialect,
      $defs,
      ...root
    } = jsonSchemaOf(name) as JsonSchema & {
      $defs?: Record<string, JsonSchema>;
    };
    for (const [id, def] of Object.entries($defs ?? {}))
      schemas[id] = rewriteRefs(def) as JsonSchema;
    // The root is `{ $ref: '#/$defs/<Name>' }` when the schema has an id, else inline.
    if (root.$ref !== `#/$defs/${name}`) schemas[name] = rewriteRefs(root) as JsonSchema;
    const component = schemas[name];
    if (component) component['x-classification'] = root['x-classification'];
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'City of Boston data standards',
      version: '1.0.0',
      description:
        'Record schemas from @cityofboston/standards-schema, with data classification as x- keys.',
    },
    paths: {},
    components: { schemas },
  };
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/$defs/')
        ? `#/components/schemas/${inner.slice('#/$defs/'.length)}`
        : rewriteRefs(inner);
  }
  return out;
}
