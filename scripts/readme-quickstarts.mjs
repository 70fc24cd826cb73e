#!/usr/bin/env node
// The root README repeats each package README's quick start between markers
// (<!-- quickstart:NAME --> ... <!-- /quickstart -->), so a newcomer sees them on one page.
//   node scripts/readme-quickstarts.mjs --write   copy them in
//   node scripts/readme-quickstarts.mjs           fail when the copies have drifted (npm test)
// The package READMEs stay the source: the consumer check and the release rehearsal run those.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readQuickStart } from './lib/readme.mjs';

const root = resolve(import.meta.dirname, '..');
const file = join(root, 'README.md');
const text = readFileSync(file, 'utf8');
const marker = /<!-- quickstart:([a-z-]+) -->\n[\s\S]*?<!-- \/quickstart -->/g;

let count = 0;
const synced = text.replace(marker, (_all, name) => {
  count++;
  const quickStart = readQuickStart(join(root, 'packages', name));
  if ('error' in quickStart) throw new Error(quickStart.error);
  return `<!-- quickstart:${name} -->\n\`\`\`${quickStart.lang}\n${quickStart.code}\`\`\`\n<!-- /quickstart -->`;
});
if (count === 0) {
  console.error('README.md has no <!-- quickstart:NAME --> markers');
  process.exit(1);
}
if (process.argv.includes('--write')) {
  writeFileSync(file, synced);
  console.log(`README.md: ${count} quick starts copied from the package READMEs`);
} else if (synced !== text) {
  console.error(
    'README.md quick starts differ from the package READMEs: run `node scripts/readme-quickstarts.mjs --write`',
  );
  process.exit(1);
} else {
  console.log(`README.md: ${count} quick starts match the package READMEs`);
}
