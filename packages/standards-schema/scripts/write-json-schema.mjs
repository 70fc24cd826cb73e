#!/usr/bin/env node
// Build step after tsup: writes every exported record schema's JSON Schema (draft 2020-12, with
// the x- classification keys) and the OpenAPI 3.1 components document into dist/json-schema/,
// published as `@cityofboston/standards-schema/json-schema/<Name>.json`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { jsonSchemas, openApiComponents } = await import(join(root, 'dist', 'json-schema.js'));

const out = join(root, 'dist', 'json-schema');
mkdirSync(out, { recursive: true });
const all = jsonSchemas();
for (const [name, schema] of Object.entries(all)) {
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify(schema, null, 2)}\n`);
}
writeFileSync(join(out, 'openapi.json'), `${JSON.stringify(openApiComponents(), null, 2)}\n`);
console.log(`json-schema: wrote ${Object.keys(all).length} schemas and openapi.json`);
