/**
 * The semantic colour tokens components use (CSS custom properties in `tokens.css`). A theme
 * gives each a `#rrggbb` value; the documented pairings ({@link THEME_PAIRINGS}) say which
 * combinations must reach which contrast.
 */
export const THEME_COLOR_TOKENS = [
  '--cob-color-text',
  '--cob-color-text-muted',
  '--cob-color-surface',
  '--cob-color-surface-subtle',
  '--cob-color-link',
  '--cob-color-link-visited',
  '--cob-color-error',
  '--cob-color-primary',
  '--cob-color-primary-hover',
  '--cob-color-on-primary',
  '--cob-color-danger',
  '--cob-color-on-danger',
  '--cob-color-brand',
  '--cob-color-on-brand',
  '--cob-color-brand-accent',
  '--cob-color-banner',
  '--cob-color-border',
  '--cob-color-border-strong',
  '--cob-color-focus',
  '--cob-color-focus-on-brand',
  '--cob-color-info',
  '--cob-color-info-bg',
  '--cob-color-success',
  '--cob-color-success-bg',
  '--cob-color-warning',
  '--cob-color-warning-bg',
  '--cob-color-error-bg',
  '--cob-color-site-alert',
  '--cob-color-tag-bg',
  '--cob-color-on-badge',
  '--cob-color-class-public',
  '--cob-color-class-internal',
  '--cob-color-class-confidential',
  '--cob-color-class-restricted',
] as const;

/** One of {@link THEME_COLOR_TOKENS}. */
export type ThemeColorToken = (typeof THEME_COLOR_TOKENS)[number];

/** A full theme: a `#rrggbb` value for every semantic colour token. */
export type ThemeColors = Record<ThemeColorToken, string>;

/** The City of Boston theme (brand guidelines): the values of `tokens.css`. */
export const BOSTON_THEME: Readonly<ThemeColors> = {
  '--cob-color-text': '#091f2f',
  '--cob-color-text-muted': '#58585b',
  '--cob-color-surface': '#ffffff',
  '--cob-color-surface-subtle': '#f3f3f3',
  '--cob-color-link': '#1871bd',
  '--cob-color-link-visited': '#1871bd',
  '--cob-color-error': '#d22d23',
  '--cob-color-primary': '#1871bd',
  '--cob-color-primary-hover': '#091f2f',
  '--cob-color-on-primary': '#ffffff',
  '--cob-color-danger': '#d22d23',
  '--cob-color-on-danger': '#ffffff',
  '--cob-color-brand': '#091f2f',
  '--cob-color-on-brand': '#ffffff',
  '--cob-color-brand-accent': '#288be4',
  '--cob-color-banner': '#f3f3f3',
  '--cob-color-border': '#c8c8c8',
  '--cob-color-border-strong': '#58585b',
  '--cob-color-focus': '#1871bd',
  '--cob-color-focus-on-brand': '#fcb61a',
  '--cob-color-info': '#1871bd',
  '--cob-color-info-bg': '#e8f3fc',
  '--cob-color-success': '#178036',
  '--cob-color-success-bg': '#e6f4ea',
  '--cob-color-warning': '#8b5a00',
  '--cob-color-warning-bg': '#fff4d6',
  '--cob-color-error-bg': '#fdecea',
  '--cob-color-site-alert': '#fcb61a',
  '--cob-color-tag-bg': '#e8f3fc',
  '--cob-color-on-badge': '#ffffff',
  '--cob-color-class-public': '#178036',
  '--cob-color-class-internal': '#1871bd',
  '--cob-color-class-confidential': '#8b5a00',
  '--cob-color-class-restricted': '#6a1b9a',
};
