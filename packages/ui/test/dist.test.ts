// @vitest-environment node
// Regression guard: bundling drops 'use client'. Builds with the package's own tsup config into a
// temporary folder and checks that exactly the source modules that declare the directive keep it,
// in ESM and CJS.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiBuild } from '../tsup.config.js';

const root = join(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'cob-ui-dist-'));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}
// The directive must sit in the prologue; CJS output may put "use strict" before it.
const startsWithUseClient = (text: string) =>
  /^\s*(['"]use strict['"];?\s*)?['"]use client['"];?/.test(text);

const sources = walk(join(root, 'src')).filter(
  (f) => /\.tsx?$/.test(f) && !/\.(test|stories)\.tsx?$/.test(f) && !f.endsWith('.d.ts'),
);

beforeAll(async () => {
  for (const options of uiBuild(out)) await build(options);
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("the build keeps 'use client' on interactive modules only", () => {
  it('marks some modules and leaves others, so the check below means something', () => {
    const marked = sources.filter((f) => startsWithUseClient(readFileSync(f, 'utf8')));
    expect(marked.length).toBeGreaterThan(3);
    expect(marked.length).toBeLessThan(sources.length);
  });
  for (const format of ['esm', 'cjs'] as const) {
    it(`${format}: every output file has the directive exactly when its source does`, () => {
      for (const file of sources) {
        const rel = relative(join(root, 'src'), file).replace(/\.tsx?$/, '.js');
        const output = readFileSync(join(out, format, rel), 'utf8');
        expect(startsWithUseClient(output), `${format}/${rel}`).toBe(
          startsWithUseClient(readFileSync(file, 'utf8')),
        );
      }
    });
  }
  it('keeps the directive on Button and off SiteHeader and the index', () => {
    expect(
      startsWithUseClient(readFileSync(join(out, 'esm/components/Button/Button.js'), 'utf8')),
    ).toBe(true);
    expect(
      startsWithUseClient(readFileSync(join(out, 'cjs/components/Button/Button.js'), 'utf8')),
    ).toBe(true);
    expect(
      startsWithUseClient(
        readFileSync(join(out, 'esm/components/SiteHeader/SiteHeader.js'), 'utf8'),
      ),
    ).toBe(false);
    expect(startsWithUseClient(readFileSync(join(out, 'esm/index.js'), 'utf8'))).toBe(false);
  });
});
