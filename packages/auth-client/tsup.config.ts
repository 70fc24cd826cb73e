import { defineConfig } from 'tsup';
import { packageBuild } from '../../scripts/tsup.base';

export default defineConfig(
  packageBuild({
    index: 'src/index.ts',
    server: 'src/server.ts',
    react: 'src/react.ts',
    'dev-idp': 'src/dev-idp.ts',
  }),
);
