// C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): a signed note whose text is the log's origin,
// its tree size and the RFC 9162 root hash, one per line. A checkpoint is parsed strictly: a
// size that is not a plain decimal, a root that is not 32 bytes of canonical base64, an empty
// origin: each makes the checkpoint unusable, never a check that is skipped.
import { AuditLogError } from '../errors';
import {
  decodeBase64,
  type NoteSigner,
  type NoteVerifier,
  openNote,
  parseNote,
  signNote,
} from './signedNote';

/** A log's tree head as a checkpoint states it. */
export interface TreeHead {
  /** The log's identity, e.g. `boston.gov/audit/case-desk`. */
  origin: string;
  /** Number of leaves (events). */
  size: number;
  /** RFC 9162 root hash, standard base64 (32 bytes). */
  rootHash: string;
}

/** A checkpoint with its signed note (the text transparency tooling and witnesses read). */
export interface SignedCheckpoint extends TreeHead {
  /** The whole signed note: origin, size and root lines, a blank line, signature lines. */
  note: string;
}

const SIZE = /^(0|[1-9][0-9]*)$/;

const invalid = (message: string) => new AuditLogError('INVALID_CHECKPOINT', message);

/** Reads a checkpoint's note text (without signatures). Throws `INVALID_CHECKPOINT`. */
export function parseCheckpointText(text: string): TreeHead & { extensions: string[] } {
  if (!text.endsWith('\n')) throw invalid('checkpoint text ends with a newline');
  const lines = text.slice(0, -1).split('\n');
  const [origin, sizeText, root, ...extensions] = lines;
  if (lines.length < 3) throw invalid('a checkpoint has an origin, a size and a root hash line');
  if (!origin) throw invalid('the checkpoint origin is empty');
  if (!SIZE.test(sizeText ?? '') || !Number.isSafeInteger(Number(sizeText))) {
    throw invalid(`the checkpoint size ${JSON.stringify(sizeText)} is not a decimal tree size`);
  }
  const hash = decodeBase64(root ?? '');
  if (hash?.length !== 32) throw invalid('the checkpoint root hash is not 32 bytes of base64');
  if (extensions.some((e) => e.length === 0)) throw invalid('a checkpoint extension line is empty');
  return { origin, size: Number(sizeText), rootHash: root as string, extensions };
}

/** The note text of a tree head: origin, size and root hash lines. */
export function checkpointText(head: TreeHead): string {
  if (typeof head.origin !== 'string' || head.origin.length === 0 || /[\n\r]/.test(head.origin)) {
    throw new AuditLogError('INVALID_OPTIONS', 'a checkpoint origin is one non-empty line');
  }
  if (!Number.isSafeInteger(head.size) || head.size < 0) {
    throw new AuditLogError('INVALID_OPTIONS', `a tree size is a whole number, got ${head.size}`);
  }
  const text = `${head.origin}\n${head.size}\n${head.rootHash}\n`;
  parseCheckpointText(text);
  return text;
}

/**
 * Signs a tree head as a C2SP checkpoint (signed note) with one or more keys (several during
 * a key rotation).
 *
 * @example
 * ```ts
 * const cp = signCheckpointNote({ origin: 'boston.gov/audit/permits', size: 10, rootHash }, [
 *   { name: 'boston.gov/audit/permits', privateKey },
 * ]);
 * ```
 */
export function signCheckpointNote(
  head: TreeHead,
  signers: readonly NoteSigner[],
): SignedCheckpoint {
  const text = checkpointText(head);
  return {
    origin: head.origin,
    size: head.size,
    rootHash: head.rootHash,
    note: signNote(text, signers),
  };
}

/**
 * Verifies a checkpoint note with the trusted keys and, when given, that it is for `origin`.
 * Returns what the note says (never the fields of an object it came wrapped in). Throws
 * `INVALID_CHECKPOINT` for a malformed note, a bad or missing trusted signature, or another log.
 */
export function openCheckpoint(
  note: string,
  verifiers: readonly NoteVerifier[],
  origin?: string,
): SignedCheckpoint & { verifiedBy: string[] } {
  const { text, verifiedBy } = openNote(note, verifiers);
  const head = parseCheckpointText(text);
  if (origin !== undefined && head.origin !== origin) {
    throw invalid(
      `the checkpoint is for ${JSON.stringify(head.origin)}, not ${JSON.stringify(origin)}`,
    );
  }
  return { origin: head.origin, size: head.size, rootHash: head.rootHash, note, verifiedBy };
}

/** What a checkpoint note says, without verifying any signature (for display and routing only). */
export function readCheckpointUnverified(note: string): TreeHead {
  const head = parseCheckpointText(parseNote(note).text);
  return { origin: head.origin, size: head.size, rootHash: head.rootHash };
}

/**
 * The origin a log uses when its signer names none: `city-audit/<chainId>`. Set your own
 * (a schema-less URL such as `boston.gov/audit/case-desk`) so checkpoints of different apps
 * can never be taken for one another.
 */
export function defaultOrigin(chainId: string): string {
  return `city-audit/${chainId}`;
}
