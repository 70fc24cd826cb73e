// The README's attack table is generated from this suite; this fails when it is stale.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTH_ERROR_CODES } from '../../src/authError';
import { collectAttacks, README, readmeWithTable } from './attackTable';

describe('the attack table', () => {
  it('in README.md is the one generated from test/attacks (run npm run attacks:table)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toBe(readmeWithTable(readme));
  });

  it('lists at least 60 attacks, each named after a standard, with distinct names', () => {
    const rows = collectAttacks();
    expect(rows.length).toBeGreaterThanOrEqual(60);
    for (const row of rows) expect(row.standard).toMatch(/RFC|OIDC|OWASP|CWE|OAuth/);
    const names = rows.map((r) => `${r.category}/${r.name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('covers every applicable section of RFC 9700 §4', () => {
    const standards = collectAttacks().map((r) => r.standard);
    // §4.6 (implicit-flow token injection), §4.13 (TLS-terminating proxies), §4.17 (in-browser
    // postMessage flows) do not apply to a confidential BFF client with the code flow.
    for (const section of [
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '4.5',
      '4.7',
      '4.8',
      '4.9',
      '4.10',
      '4.11',
      '4.12',
      '4.14',
      '4.15',
      '4.16',
      '4.18',
    ]) {
      expect(
        standards.some((s) =>
          new RegExp(`RFC 9700 §${section.replace('.', '\\.')}(\\D|$)`).test(s),
        ),
        `RFC 9700 §${section}`,
      ).toBe(true);
    }
  });

  it('names a real error code for every attack the package refuses itself', () => {
    const codes = new Set<string>(AUTH_ERROR_CODES);
    const known =
      /^(new session|ignored|invalid_request|invalid_grant|S256 sent|one token request|same-origin 302|303 to a path|refused|frame-ancestors)/;
    for (const row of collectAttacks()) {
      expect(codes.has(row.code) || known.test(row.code), `${row.name}: ${row.code}`).toBe(true);
    }
  });
});
