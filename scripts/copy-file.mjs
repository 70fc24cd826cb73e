// Copies one file, creating the target folder: a portable `cp` for package build scripts.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: copy-file <from> <to>');
  process.exit(2);
}
mkdirSync(dirname(to), { recursive: true });
copyFileSync(from, to);
