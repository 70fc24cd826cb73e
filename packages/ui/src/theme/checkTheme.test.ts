import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UiError } from '../errors.js';
import { MILLBROOK } from '../municipality/examples/millbrook.js';
import { checkTheme, defineTheme, themeStyle } from './checkTheme.js';
import { THEME_PAIRINGS } from './pairings.js';
import { BOSTON_THEME, THEME_COLOR_TOKENS } from './themeColors.js';

const css = readFileSync(join(import.meta.dirname, '..', 'tokens.css'), 'utf8');

describe('the theme data agree with tokens.css', () => {
  it('THEME_PAIRINGS are the @pairing lines, in order', () => {
    const documented = [...css.matchAll(/@pairing ([^|]+)\|([^|]+)\|([^|]+)\|\s*([\d.]+)/g)].map(
      (m) => ({
        name: (m[1] ?? '').trim(),
        foreground: (m[2] ?? '').trim(),
        background: (m[3] ?? '').trim(),
        minimum: Number(m[4]),
      }),
    );
    expect(THEME_PAIRINGS).toEqual(documented);
  });
  it('BOSTON_THEME holds the Boston block’s values for every semantic colour', () => {
    const block = css.slice(css.indexOf('[data-cob-theme="boston"]'));
    const body = block.slice(block.indexOf('{') + 1, block.indexOf('}'));
    const values = Object.fromEntries(
      [...body.matchAll(/(--cob-color-[\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1], m[2]]),
    );
    for (const token of THEME_COLOR_TOKENS) expect(BOSTON_THEME[token], token).toBe(values[token]);
  });
});

describe('checkTheme / defineTheme', () => {
  it('passes Boston and the fictional Town of Millbrook', () => {
    expect(checkTheme({}).failures).toEqual([]);
    const millbrook = checkTheme(MILLBROOK.theme ?? {});
    expect(millbrook.failures.map((f) => f.pairing.name)).toEqual([]);
    expect(millbrook.results).toHaveLength(THEME_PAIRINGS.length);
  });
  it('names each failing pairing with its colours, ratio and minimum', () => {
    const check = checkTheme({ '--cob-color-primary': '#288be4', '--cob-color-focus': '#dddddd' });
    expect(check.ok).toBe(false);
    expect(check.failures.map((f) => f.pairing.name)).toEqual(['primary button', 'focus ring']);
    const primary = check.failures.find((f) => f.pairing.name === 'primary button');
    expect(primary).toMatchObject({ foreground: '#ffffff', background: '#288be4', pass: false });
    expect(primary?.ratio).toBeLessThan(4.5);
    expect(() => defineTheme({ '--cob-color-primary': '#288be4' })).toThrow(
      /primary button: --cob-color-on-primary #ffffff on --cob-color-primary #288be4 is 3\.\d+:1, needs 4\.5:1/,
    );
    try {
      defineTheme({ '--cob-color-primary': '#288be4' });
    } catch (e) {
      expect(e).toBeInstanceOf(UiError);
      expect((e as UiError).code).toBe('UI_THEME_CONTRAST');
    }
  });
  it('rejects a colour it cannot check, naming the token', () => {
    expect(() => checkTheme({ '--cob-color-brand': 'green' })).toThrow(/--cob-color-brand/);
  });
  it('returns the full theme and its style object', () => {
    const theme = defineTheme({
      '--cob-color-brand': '#14452f',
      '--cob-color-brand-accent': '#9fdcb6',
    });
    expect(theme['--cob-color-brand']).toBe('#14452f');
    expect(theme['--cob-color-text']).toBe(BOSTON_THEME['--cob-color-text']);
    expect(themeStyle({ '--cob-color-brand': '#14452f' })).toEqual({
      '--cob-color-brand': '#14452f',
    });
  });
});
