import { defineConfig } from 'tsup';
import { packageBuild } from '../../scripts/tsup.base';

export default defineConfig(
  packageBuild({
    index: 'src/index.ts',
    node: 'src/node.ts',
    sharing: 'src/sharing.ts',
    cli: 'src/cli.ts',
    // The worker thread of a parallel verify, loaded by path from beside the bundle that runs it.
    lineWorker: 'src/verifyLines/lineWorker.ts',
  }),
);
