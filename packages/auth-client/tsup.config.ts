import { defineConfig } from 'tsup';
import { packageBuild } from '../../scripts/tsup.base';

export default defineConfig([
  packageBuild({
    index: 'src/index.ts',
    server: 'src/server.ts',
    react: 'src/react.ts',
    'dev-idp': 'src/dev-idp.ts',
  }),
  // The CLI: ESM only, no declarations, bundling nothing of its own entry point twice.
  {
    entry: { 'city-dev-idp': 'src/bin/city-dev-idp.ts' },
    format: ['esm'],
    outDir: 'dist/bin',
    dts: false,
    clean: false,
    target: 'es2022',
    external: [/^[^./]/],
  },
]);
