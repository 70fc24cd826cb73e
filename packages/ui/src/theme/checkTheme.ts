import { UiError } from '../errors.js';
import { contrastRatio } from './contrast.js';
import { THEME_PAIRINGS, type ThemePairing } from './pairings.js';
import { BOSTON_THEME, THEME_COLOR_TOKENS, type ThemeColors } from './themeColors.js';

/** One pairing's result in {@link checkTheme}. */
export interface PairingResult {
  pairing: ThemePairing;
  foreground: string;
  background: string;
  /** The WCAG 2.x contrast ratio, rounded down to two decimals. */
  ratio: number;
  pass: boolean;
}

/** What {@link checkTheme} finds. */
export interface ThemeCheck {
  ok: boolean;
  /** The full theme checked: the overrides over the base. */
  colors: ThemeColors;
  results: PairingResult[];
  failures: PairingResult[];
}

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * Checks a custom theme (overrides over Boston's, or over `base`) against every documented
 * contrast pairing, and says which fail and by how much.
 * @example
 * const { ok, failures } = checkTheme({ '--cob-color-primary': '#2e8540' });
 * for (const f of failures) console.warn(`${f.pairing.name}: ${f.ratio}:1 < ${f.pairing.minimum}:1`);
 */
export function checkTheme(
  overrides: Partial<ThemeColors>,
  base: Readonly<ThemeColors> = BOSTON_THEME,
): ThemeCheck {
  const colors = { ...base, ...overrides } as ThemeColors;
  for (const token of THEME_COLOR_TOKENS) {
    if (!HEX.test(colors[token]))
      throw new UiError(
        'UI_INVALID_PROP',
        `Theme colour ${token} must be #rrggbb, got ${JSON.stringify(colors[token])}`,
      );
  }
  const results = THEME_PAIRINGS.map((pairing): PairingResult => {
    const foreground = colors[pairing.foreground];
    const background = colors[pairing.background];
    const exact = contrastRatio(foreground, background);
    return {
      pairing,
      foreground,
      background,
      ratio: Math.floor(exact * 100) / 100,
      pass: exact >= pairing.minimum,
    };
  });
  const failures = results.filter((r) => !r.pass);
  return { ok: failures.length === 0, colors, results, failures };
}

/**
 * A theme that passes every documented pairing, or a `UiError` (`UI_THEME_CONTRAST`) naming each
 * pairing that fails, its colours, ratio and minimum.
 * @example const millbrook = defineTheme({ '--cob-color-brand': '#1d4f3a' });
 */
export function defineTheme(
  overrides: Partial<ThemeColors>,
  base: Readonly<ThemeColors> = BOSTON_THEME,
): ThemeColors {
  const check = checkTheme(overrides, base);
  if (!check.ok) {
    const lines = check.failures.map(
      (f) =>
        `${f.pairing.name}: ${f.pairing.foreground} ${f.foreground} on ${f.pairing.background} ${f.background} is ${f.ratio}:1, needs ${f.pairing.minimum}:1`,
    );
    throw new UiError(
      'UI_THEME_CONTRAST',
      `The theme fails ${lines.length} contrast pairing(s):\n${lines.join('\n')}`,
    );
  }
  return check.colors;
}

/**
 * The theme as a React `style` object of CSS custom properties, for the element that should
 * carry it (PageLayout applies the municipality's theme this way).
 */
export function themeStyle(colors: Partial<ThemeColors>): Record<string, string> {
  return { ...colors } as Record<string, string>;
}
