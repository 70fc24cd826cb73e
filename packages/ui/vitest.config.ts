import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Two projects, both run by `npm test`: `unit` (jsdom and Node: logic, SSR, dist and size) and
 * `storybook` (every story as a test in headless Chromium, failing on any axe violation, then
 * re-checked with forced colors and reduced motion emulated: .storybook/vitest.setup.ts).
 * The browser is the machine's Chromium; no tool here downloads one.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'unit',
          environment: 'jsdom',
          // jsdom's role queries compute accessible names in JavaScript: a whole schema form took
          // over 5 s in CI with seven packages testing at once. No assertion depends on the limit.
          testTimeout: 30_000,
          include: [
            'src/**/*.test.ts',
            'src/**/*.test.tsx',
            'test/**/*.test.ts',
            'test/**/*.test.tsx',
          ],
          setupFiles: ['test/setup-unit.ts'],
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: join(here, '.storybook') })],
        optimizeDeps: {
          include: [
            'react',
            'react-dom',
            'react-dom/client',
            'react-aria',
            'react-stately',
            '@internationalized/date',
            'zod',
            'axe-core',
          ],
        },
        test: {
          name: 'storybook',
          setupFiles: [join(here, '.storybook/vitest.setup.ts')],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: requireChromium(), args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
