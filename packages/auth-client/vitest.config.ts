import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // Real servers and a real Chromium on a shared 2-core machine: generous, not timed asserts.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
