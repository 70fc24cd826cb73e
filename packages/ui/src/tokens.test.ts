import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './internal/contrast.js';

const css = readFileSync(join(import.meta.dirname, 'tokens.css'), 'utf8');

interface Pairing {
  name: string;
  fg: string;
  bg: string;
  min: number;
}
const pairings: Pairing[] = [
  ...css.matchAll(/@pairing ([^|]+)\|([^|]+)\|([^|]+)\|\s*([\d.]+)/g),
].map((m) => ({
  name: (m[1] ?? '').trim(),
  fg: (m[2] ?? '').trim(),
  bg: (m[3] ?? '').trim(),
  min: Number(m[4]),
}));

function themeBlock(selector: string): Record<string, string> {
  const start = css.indexOf(selector);
  if (start < 0) throw new Error(`tokens.css has no block for ${selector}`);
  const open = css.indexOf('{', start);
  const close = css.indexOf('}', open);
  const vars: Record<string, string> = {};
  for (const m of css.slice(open + 1, close).matchAll(/(--cob-[\w-]+):\s*([^;]+);/g)) {
    vars[m[1] as string] = (m[2] as string).trim();
  }
  return vars;
}

const boston = themeBlock('[data-cob-theme="boston"]');
const themes = {
  boston,
  'high-contrast': { ...boston, ...themeBlock('[data-cob-theme="high-contrast"]') },
};

describe('contrast of every documented token pairing (WCAG 1.4.3, 1.4.11)', () => {
  it('documents the pairings the components use', () => {
    expect(pairings.length).toBeGreaterThanOrEqual(30);
  });
  for (const [theme, vars] of Object.entries(themes)) {
    for (const pairing of pairings) {
      it(`${theme}: ${pairing.name} (${pairing.fg} on ${pairing.bg}) ≥ ${pairing.min}:1`, () => {
        const fg = vars[pairing.fg];
        const bg = vars[pairing.bg];
        expect(fg, `${pairing.fg} is not defined in the ${theme} theme`).toMatch(/^#[0-9a-f]{6}$/i);
        expect(bg, `${pairing.bg} is not defined in the ${theme} theme`).toMatch(/^#[0-9a-f]{6}$/i);
        expect(contrastRatio(fg as string, bg as string)).toBeGreaterThanOrEqual(pairing.min);
      });
    }
  }
});

describe('contrastRatio', () => {
  it('computes the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // The brand's Optimistic Blue fails on white for body text; only its dark shade is offered.
    expect(contrastRatio('#288be4', '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio('#1871bd', '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
  it('rejects colours it cannot parse, naming them', () => {
    expect(() => contrastRatio('red', '#fff')).toThrow(/red/);
  });
});
