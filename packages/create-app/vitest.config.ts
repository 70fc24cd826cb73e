import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The command tests start Node with tsx; on a loaded 2-core machine that takes seconds.
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 30_000 },
});
