import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // PGlite starts in seconds on a busy machine; no assertion depends on these limits.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
