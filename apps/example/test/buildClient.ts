// Builds the client once for the end-to-end tests, into its own folder so a concurrent
// `npm run build` writing dist/client does not race with the tests.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const TEST_CLIENT_DIR = fileURLToPath(new URL('../dist/test-client', import.meta.url));

/** Builds the client into TEST_CLIENT_DIR. */
export async function buildClient(): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir: TEST_CLIENT_DIR, emptyOutDir: true },
  });
}
