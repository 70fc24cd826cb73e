import { defineConfig } from 'tsup';
import { packageBuild } from '../../scripts/tsup.base';

export default defineConfig(
  packageBuild({
    index: 'src/index.ts',
    // The light entry for browser bundles: classification, fieldsOf, Principal checks.
    core: 'src/core.ts',
    'json-schema': 'src/json-schema.ts',
    testing: 'src/testing.ts',
    // The `city-schema` command (package.json `bin`).
    cli: 'src/cli.ts',
  }),
);
