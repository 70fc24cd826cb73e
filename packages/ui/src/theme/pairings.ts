import type { ThemeColorToken } from './themeColors.js';

/** A foreground/background combination components use, and the contrast it must reach. */
export interface ThemePairing {
  name: string;
  foreground: ThemeColorToken;
  background: ThemeColorToken;
  /** WCAG 2.x minimum ratio: 4.5 for text (1.4.3), 3 for borders and focus rings (1.4.11). */
  minimum: number;
}

/**
 * The documented pairings (the `@pairing` lines of `tokens.css`, kept equal by a test): only
 * these combinations are offered, and every theme must pass each one.
 */
export const THEME_PAIRINGS: readonly ThemePairing[] = [
  {
    name: 'body text',
    foreground: '--cob-color-text',
    background: '--cob-color-surface',
    minimum: 4.5,
  },
  {
    name: 'muted text',
    foreground: '--cob-color-text-muted',
    background: '--cob-color-surface',
    minimum: 4.5,
  },
  {
    name: 'text on subtle',
    foreground: '--cob-color-text',
    background: '--cob-color-surface-subtle',
    minimum: 4.5,
  },
  {
    name: 'muted on subtle',
    foreground: '--cob-color-text-muted',
    background: '--cob-color-surface-subtle',
    minimum: 4.5,
  },
  { name: 'link', foreground: '--cob-color-link', background: '--cob-color-surface', minimum: 4.5 },
  {
    name: 'link on subtle',
    foreground: '--cob-color-link',
    background: '--cob-color-surface-subtle',
    minimum: 4.5,
  },
  {
    name: 'error text',
    foreground: '--cob-color-error',
    background: '--cob-color-surface',
    minimum: 4.5,
  },
  {
    name: 'error on subtle',
    foreground: '--cob-color-error',
    background: '--cob-color-surface-subtle',
    minimum: 4.5,
  },
  {
    name: 'primary button',
    foreground: '--cob-color-on-primary',
    background: '--cob-color-primary',
    minimum: 4.5,
  },
  {
    name: 'primary hover',
    foreground: '--cob-color-on-primary',
    background: '--cob-color-primary-hover',
    minimum: 4.5,
  },
  {
    name: 'danger button',
    foreground: '--cob-color-on-danger',
    background: '--cob-color-danger',
    minimum: 4.5,
  },
  {
    name: 'header text',
    foreground: '--cob-color-on-brand',
    background: '--cob-color-brand',
    minimum: 4.5,
  },
  {
    name: 'header accent',
    foreground: '--cob-color-brand-accent',
    background: '--cob-color-brand',
    minimum: 4.5,
  },
  {
    name: 'banner text',
    foreground: '--cob-color-text',
    background: '--cob-color-banner',
    minimum: 4.5,
  },
  {
    name: 'field border',
    foreground: '--cob-color-border-strong',
    background: '--cob-color-surface',
    minimum: 3,
  },
  {
    name: 'focus ring',
    foreground: '--cob-color-focus',
    background: '--cob-color-surface',
    minimum: 3,
  },
  {
    name: 'focus ring on brand',
    foreground: '--cob-color-focus-on-brand',
    background: '--cob-color-brand',
    minimum: 3,
  },
  {
    name: 'info alert text',
    foreground: '--cob-color-text',
    background: '--cob-color-info-bg',
    minimum: 4.5,
  },
  {
    name: 'info alert border',
    foreground: '--cob-color-info',
    background: '--cob-color-info-bg',
    minimum: 3,
  },
  {
    name: 'success alert text',
    foreground: '--cob-color-text',
    background: '--cob-color-success-bg',
    minimum: 4.5,
  },
  {
    name: 'success alert border',
    foreground: '--cob-color-success',
    background: '--cob-color-success-bg',
    minimum: 3,
  },
  {
    name: 'warning alert text',
    foreground: '--cob-color-text',
    background: '--cob-color-warning-bg',
    minimum: 4.5,
  },
  {
    name: 'warning alert border',
    foreground: '--cob-color-warning',
    background: '--cob-color-surface',
    minimum: 3,
  },
  {
    name: 'error alert text',
    foreground: '--cob-color-text',
    background: '--cob-color-error-bg',
    minimum: 4.5,
  },
  {
    name: 'error alert border',
    foreground: '--cob-color-error',
    background: '--cob-color-error-bg',
    minimum: 3,
  },
  {
    name: 'site alert',
    foreground: '--cob-color-text',
    background: '--cob-color-site-alert',
    minimum: 4.5,
  },
  { name: 'tag', foreground: '--cob-color-text', background: '--cob-color-tag-bg', minimum: 4.5 },
  {
    name: 'public badge',
    foreground: '--cob-color-on-badge',
    background: '--cob-color-class-public',
    minimum: 4.5,
  },
  {
    name: 'internal badge',
    foreground: '--cob-color-on-badge',
    background: '--cob-color-class-internal',
    minimum: 4.5,
  },
  {
    name: 'confidential badge',
    foreground: '--cob-color-on-badge',
    background: '--cob-color-class-confidential',
    minimum: 4.5,
  },
  {
    name: 'restricted badge',
    foreground: '--cob-color-on-badge',
    background: '--cob-color-class-restricted',
    minimum: 4.5,
  },
  {
    name: 'progress bar',
    foreground: '--cob-color-primary',
    background: '--cob-color-surface-subtle',
    minimum: 3,
  },
  {
    name: 'panel',
    foreground: '--cob-color-on-primary',
    background: '--cob-color-success',
    minimum: 4.5,
  },
];
