import { readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { packageBuild } from '../../scripts/tsup.base';

// esbuild drops module-level directives when bundling; React Server Component bundlers need
// `'use client'` at the top of the React entry, so it is put back after the build.
function restoreUseClient(): void {
  for (const file of ['dist/react.js', 'dist/react.cjs']) {
    const code = readFileSync(file, 'utf8');
    if (!code.startsWith("'use client'")) writeFileSync(file, `'use client';\n${code}`);
  }
}

export default defineConfig([
  packageBuild(
    {
      index: 'src/index.ts',
      server: 'src/server.ts',
      react: 'src/react.ts',
      'dev-idp': 'src/devIdp.ts',
    },
    { onSuccess: async () => restoreUseClient() },
  ),
  // The CLI: ESM only, no declarations; packages stay external.
  {
    entry: { 'city-dev-idp': 'src/bin/cityDevIdp.ts' },
    format: ['esm'],
    outDir: 'dist/bin',
    dts: false,
    clean: false,
    target: 'es2022',
    external: [/^[^./]/],
  },
]);
