// The value exports named in src/index.ts (read from the source, no build needed).
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
export const exports = [...source.matchAll(/export \{([^}]+)\}/g)]
  .flatMap((m) => m[1].split(','))
  .map((s) => s.trim())
  .filter((s) => s && !s.startsWith('type '));
