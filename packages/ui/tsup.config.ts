import { defineConfig, type Options } from 'tsup';

/**
 * Unbundled, one output file per source file, in ESM (dist/esm) and CJS (dist/cjs). Bundling
 * would merge modules and drop their `'use client'` directives; transpiling file by file keeps
 * the directive on exactly the interactive components, so server components stay server
 * components in React Server Component apps. Declarations come from tsc (scripts/finish-build.mjs).
 */
export function uiBuild(outRoot = 'dist'): Options[] {
  const shared: Options = {
    entry: ['src/**/*.ts', 'src/**/*.tsx', '!src/**/*.test.*', '!src/**/*.stories.*'],
    bundle: false,
    splitting: false,
    treeshake: false,
    sourcemap: false,
    dts: false,
    target: 'es2022',
    silent: true,
  };
  return [
    { ...shared, format: 'esm', outDir: `${outRoot}/esm`, clean: true },
    {
      ...shared,
      format: 'cjs',
      outDir: `${outRoot}/cjs`,
      clean: true,
      outExtension: () => ({ js: '.js' }),
    },
  ];
}

export default defineConfig(uiBuild());
