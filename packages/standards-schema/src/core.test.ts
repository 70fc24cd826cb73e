import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as core from './core';
import * as full from './index';

// What a browser bundle of the light entry contains, bundled and tree-shaken as an app would.
async function bundledInputs(source: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: source, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  return Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file]) => file);
}

describe('the /core entry', () => {
  it('is the same values as the full entry, not copies (one registry)', () => {
    expect(core.classificationRegistry).toBe(full.classificationRegistry);
    expect(core.fieldsOf).toBe(full.fieldsOf);
    expect(core.CLASSIFICATIONS).toBe(full.CLASSIFICATIONS);
    expect(core.StandardsSchemaError).toBe(full.StandardsSchemaError);
  });

  it('bundles without zod classic, proj4 or the record schemas', async () => {
    const inputs = await bundledInputs(`export * from './core';`);
    expect(inputs.some((f) => f.includes('safeParsePrincipal'))).toBe(true);
    expect(
      inputs.filter((f) => /zod\/v4\/(classic|mini)|proj4|(^|\/)Principal\.ts$|primitives/.test(f)),
    ).toEqual([]);
  });

  it('keeps zod classic out when only fieldsOf and the registry are used', async () => {
    const inputs = await bundledInputs(
      `export { fieldsOf, classificationRegistry, isAtMost } from './core';`,
    );
    expect(inputs.filter((f) => f.includes('node_modules/zod'))).toEqual([
      expect.stringContaining('zod/v4/core/registries.js'),
    ]);
  });

  it('carries no zod at all for the classification helpers alone', async () => {
    const inputs = await bundledInputs(
      `export { CLASSIFICATIONS, isAtMost, maxClassification } from './core';`,
    );
    expect(inputs.filter((f) => f.includes('node_modules/zod'))).toEqual([]);
  });
});
