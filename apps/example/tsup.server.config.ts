import { defineConfig } from 'tsup';

// The production server: compiled once, run with plain `node` (no tsx at run time). Packages stay
// external and load from node_modules, as they were installed.
export default defineConfig({
  entry: { main: 'src/server/main.ts' },
  outDir: 'dist/server',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  splitting: false,
  dts: false,
});
