// Reading a package README's quick start: the first ```ts or ```tsx block under "## Quick start".
// The consumer check and the release rehearsal both run it as written.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} packageDir
 * @returns {{ lang: 'ts' | 'tsx', code: string } | { error: string }}
 */
export function readQuickStart(packageDir) {
  const readme = join(packageDir, 'README.md');
  if (!existsSync(readme)) return { error: `${readme} does not exist` };
  const section = readFileSync(readme, 'utf8')
    .split(/^## /m)
    .find((part) => /^Quick start\b/i.test(part));
  const block = section?.match(/^```(tsx?)[^\n]*\n([\s\S]*?)^```/m);
  if (!block)
    return {
      error: `${readme} has no "## Quick start" section with a \`\`\`ts or \`\`\`tsx block`,
    };
  return { lang: /** @type {'ts' | 'tsx'} */ (block[1]), code: block[2] ?? '' };
}
