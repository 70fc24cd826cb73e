import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

/** A JSON Schema validator for the vendored schemas (draft-07). */
export function validatorFor(schemaFile: string): (data: unknown) => string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const schema = JSON.parse(
    readFileSync(new URL(`./schemas/${schemaFile}`, import.meta.url), 'utf8'),
  ) as object;
  const check = ajv.compile(schema);
  return (data) =>
    check(data)
      ? []
      : (check.errors ?? []).map(
          (e: ErrorObject) => `${e.instancePath || '(root)'} ${e.message ?? 'is not valid'}`,
        );
}
