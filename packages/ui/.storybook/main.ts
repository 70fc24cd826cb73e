import type { StorybookConfig } from '@storybook/react-vite';

/**
 * Storybook for reviewers: every story is also a test (addon-vitest) that runs axe in Chromium.
 * The compliance page is a static file written by `npm run compliance` (see scripts/compliance.mjs).
 */
const config: StorybookConfig = {
  stories: ['../src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest', '@storybook/addon-docs'],
  framework: { name: '@storybook/react-vite', options: {} },
  staticDirs: [{ from: '../compliance', to: '/compliance' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
