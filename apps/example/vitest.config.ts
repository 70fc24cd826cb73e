import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One server per file; files run one at a time so the loaded machine is not oversubscribed.
    fileParallelism: false,
  },
});
