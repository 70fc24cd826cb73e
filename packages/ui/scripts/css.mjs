// Inlines relative `@import` lines of a stylesheet, recursively, so the shipped sheet is one file.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** @param {string} file @param {Set<string>} [seen] @returns {string} */
export function inlineCss(file, seen = new Set()) {
  if (seen.has(file)) return '';
  seen.add(file);
  return readFileSync(file, 'utf8').replace(/^@import\s+['"](\.[^'"]+)['"];\s*$/gm, (_, spec) =>
    inlineCss(resolve(dirname(file), spec), seen),
  );
}
