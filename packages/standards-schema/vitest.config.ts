import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // A limit, not a timing assertion: the shared 2-core machine can be several times slower
    // than a laptop, and the JSON Schema agreement test compiles every schema with ajv.
    testTimeout: 30_000,
  },
});
