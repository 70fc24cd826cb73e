// Any Massachusetts municipality uses auth-client as it is: what a person sees (the dev IdP's
// pages, the idle dialog, error messages) names the municipality from configuration, never a
// hard-coded "City of Boston". Comments and examples may mention Boston; code may not, except the
// package's own identifiers (`@cityofboston/…`, `urn:cityofboston:…`) and the Boston default.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
const files = walk(src)
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
  .map((f) => relative(src, f).replace(/\\/g, '/'));

const code = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"])\/\/.*$/gm, '$1')
    .replace(/@cityofboston\/[\w/-]+|urn:cityofboston:[\w:.-]+|cityofboston/gi, '')
    .replace(/\bBOSTON_MUNICIPALITY\b/g, '');

describe('no hard-coded municipality in auth-client', () => {
  it('scans the dev IdP, its CLI, the BFF and the React bindings', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'devIdp/loginPage.ts',
        'devIdp/startDevIdp.ts',
        'bin/cityDevIdp.ts',
        'react/IdleTimeoutDialog.tsx',
      ]),
    );
  });

  it('names Boston nowhere in code', () => {
    const offenders = files.filter((f) => /boston/i.test(code(readFileSync(join(src, f), 'utf8'))));
    expect(offenders).toEqual([]);
  });

  it('would catch a hard-coded page title', () => {
    expect(/boston/i.test(code('const title = `Sign in: City of Boston`;'))).toBe(true);
  });
});
