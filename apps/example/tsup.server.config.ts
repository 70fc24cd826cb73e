import { defineConfig } from 'tsup';

// The production server: compiled once, run with plain `node` (no tsx at run time). Packages stay
// external and load from node_modules, as they were installed.
export default defineConfig({
  // devIdp: the development IdP as its own process, shared by several instances.
  entry: { main: 'src/server/main.ts', devIdp: 'src/server/devIdpMain.ts' },
  outDir: 'dist/server',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  splitting: false,
  dts: false,
});
