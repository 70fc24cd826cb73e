import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // The end-to-end files build the app once (when src/ changed) and start `next start`.
    hookTimeout: 300_000,
    // One server per file, one file at a time.
    fileParallelism: false,
  },
});
