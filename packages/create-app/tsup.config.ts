import { defineConfig } from 'tsup';
import { packageBuild } from '../../scripts/tsup.base';

export default defineConfig([
  // The API for scripts, ESM and CJS like every package (shims give CJS `import.meta.url`).
  packageBuild({ index: 'src/index.ts' }, { shims: true }),
  // The `create-app` command: ESM only (it awaits its prompts at the top level).
  packageBuild({ cli: 'src/cli.ts' }, { format: ['esm'], dts: false, clean: false }),
]);
