import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';

/**
 * The software bill of materials in CycloneDX JSON, from @cyclonedx/cyclonedx-npm over the
 * installed tree (production dependencies only: what ships), then validated against the
 * CycloneDX JSON Schema of its spec version with @cyclonedx/cyclonedx-library.
 */
export async function writeSbom(file: string): Promise<{ components: number; problems: string[] }> {
  // The generator's own command file, run with this Node (no shell, the same on Windows).
  const cli = join('node_modules', '@cyclonedx', 'cyclonedx-npm', 'bin', 'cyclonedx-npm-cli.js');
  const args = ['--omit', 'dev', '--output-format', 'JSON', '--spec-version', '1.6'];
  execFileSync(process.execPath, [cli, ...args, '--output-file', file], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const text = readFileSync(file, 'utf8');
  const sbom = JSON.parse(text) as { specVersion: string; components?: unknown[] };
  const validator = new Validation.JsonStrictValidator(sbom.specVersion as Spec.Version);
  const errors = await validator.validate(text);
  return {
    components: sbom.components?.length ?? 0,
    problems: errors === null ? [] : [JSON.stringify(errors).slice(0, 2000)],
  };
}

export { Spec };
