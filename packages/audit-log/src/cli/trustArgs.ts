import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Checkpoint } from '../checkpoint';
import type { TrustedKey } from '../note/signedNote';

/** Thrown for arguments the CLI cannot use (exit code 2). */
export class UsageError extends Error {}

async function readText(what: string, file: string): Promise<string> {
  return readFile(file, 'utf8').catch((e: Error) => {
    throw new UsageError(`${what} ${file}: ${e.message}`);
  });
}

/**
 * The trusted keys of `--key` (a verifier key, or a file holding one per line) and
 * `--public-key` (a PEM file, trusted under the log's origin as its key name).
 */
export async function readKeys(
  keys: readonly string[],
  publicKeyFile: string | undefined,
  origin: string,
): Promise<{ keys: TrustedKey[]; publicKey?: string }> {
  const out: TrustedKey[] = [];
  for (const k of keys) {
    const text = existsSync(k) ? await readText('--key', k) : k;
    for (const line of text.split('\n')) if (line.trim()) out.push(line.trim());
  }
  if (publicKeyFile === undefined) return { keys: out };
  const pem = await readText('--public-key', publicKeyFile);
  out.push({ name: origin, publicKey: pem });
  return { keys: out, publicKey: pem };
}

/** One signed checkpoint note per `--trusted` file. */
export async function readNotes(files: readonly string[], what = '--trusted'): Promise<string[]> {
  return Promise.all(files.map((f) => readText(what, f)));
}

/** JSON checkpoints of releases before notes (`--checkpoint`): one per line, or an array. */
export async function readLegacyCheckpoints(files: readonly string[]): Promise<Checkpoint[]> {
  const out: Checkpoint[] = [];
  for (const file of files) {
    const text = await readText('--checkpoint', file);
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const parsed = JSON.parse(line) as Checkpoint | Checkpoint[];
        out.push(...(Array.isArray(parsed) ? parsed : [parsed]));
      } catch {
        throw new UsageError(
          `--checkpoint ${file}: not JSON (one checkpoint per line, or an array)`,
        );
      }
    }
  }
  return out;
}
