import type { Options } from 'tsup';

/**
 * The build every public package shares: ESM + CJS + declarations for each entry point, so
 * department apps on either module system (and TypeScript's `bundler` and `node16` resolution)
 * see the same API.
 */
export function packageBuild(entry: Record<string, string>, overrides: Options = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    // tsup 8.5 injects `baseUrl`, which TypeScript 6 deprecates; without this the d.ts build fails.
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: false,
    clean: true,
    treeshake: true,
    splitting: true,
    target: 'es2022',
    ...overrides,
  };
}
