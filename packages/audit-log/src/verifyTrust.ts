// What `verify` checks a chain against: the trusted keys, the checkpoints the caller kept
// outside the log (trusted), and the checkpoints the store keeps next to the chain (hints: a
// store checkpoint counts only when a trusted key signed it, so whoever can write the store
// cannot add one that breaks or fakes verification).
import { type Checkpoint, type KeyInput, verifyCheckpoint } from './checkpoint';
import { AuditLogError } from './errors';
import { openCheckpoint, type SignedCheckpoint } from './note/checkpointNote';
import { type NoteVerifier, type TrustedKey, toVerifier } from './note/signedNote';

/** A checkpoint as a store keeps it: a signed note, or the JSON of releases before notes. */
export type StoredCheckpoint = SignedCheckpoint | Checkpoint;

/** A problem `verify` found (see `VERIFY_FAILURE_REASONS`). */
export interface VerifyProblem {
  seq: number;
  reason:
    | 'malformed'
    | 'hash-mismatch'
    | 'prev-hash-mismatch'
    | 'missing'
    | 'out-of-order'
    | 'checkpoint-mismatch'
    | 'truncated'
    | 'bad-signature'
    | 'origin-mismatch'
    | 'column-mismatch';
  message: string;
  /** The 1-based line of a JSONL file where the problem is (for a store of lines). */
  line?: number;
}

/** A root the tree must have at a size. */
export interface ExpectedRoot {
  rootHash: string;
  /** Where it came from, for messages. */
  from: 'trusted' | 'store';
  checkpoint: SignedCheckpoint;
}

export interface TrustPlan {
  roots: Map<number, ExpectedRoot[]>;
  /** Legacy JSON checkpoints (chain head hash at a size), signature already checked. */
  heads: Map<number, Checkpoint[]>;
  problems: VerifyProblem[];
  /** Trusted checkpoints (note or legacy) whose signature verified. */
  trusted: number;
  /** Store checkpoints no trusted key signed (or malformed, or for another origin): ignored. */
  ignored: number;
  /** The largest size any usable checkpoint covers. */
  maxSize: number;
}

export const isNoteCheckpoint = (cp: unknown): cp is SignedCheckpoint | { note: string } =>
  typeof cp === 'object' && cp !== null && typeof (cp as { note?: unknown }).note === 'string';

/** The verifiers for `keys` plus a PEM/KeyObject `publicKey` under the key name `origin`. */
export function verifiersFor(
  keys: readonly TrustedKey[] | undefined,
  publicKey: KeyInput | undefined,
  origin: string,
): NoteVerifier[] {
  const out = (keys ?? []).map(toVerifier);
  if (publicKey !== undefined) out.push(toVerifier({ name: origin, publicKey }));
  return out;
}

export function planTrust(input: {
  verifiers: readonly NoteVerifier[];
  legacyKey: KeyInput | undefined;
  origin: string;
  trusted: readonly (string | SignedCheckpoint | Checkpoint)[];
  stored: readonly StoredCheckpoint[];
}): TrustPlan {
  const plan: TrustPlan = {
    roots: new Map(),
    heads: new Map(),
    problems: [],
    trusted: 0,
    ignored: 0,
    maxSize: 0,
  };
  const addRoot = (cp: SignedCheckpoint, from: ExpectedRoot['from']) => {
    const list = plan.roots.get(cp.size) ?? [];
    list.push({ rootHash: cp.rootHash, from, checkpoint: cp });
    plan.roots.set(cp.size, list);
    plan.maxSize = Math.max(plan.maxSize, cp.size);
  };
  const addHead = (cp: Checkpoint) => {
    const list = plan.heads.get(cp.size) ?? [];
    list.push(cp);
    plan.heads.set(cp.size, list);
    plan.maxSize = Math.max(plan.maxSize, cp.size);
  };
  const legacyOk = (cp: Checkpoint) => {
    try {
      return input.legacyKey !== undefined && verifyCheckpoint(cp, input.legacyKey);
    } catch {
      return false;
    }
  };

  for (const given of input.trusted) {
    if (typeof given === 'string' || isNoteCheckpoint(given)) {
      const note = typeof given === 'string' ? given : given.note;
      try {
        // Only the note's own text counts, never fields of the object it came wrapped in.
        const cp = openCheckpoint(note, input.verifiers);
        if (cp.origin !== input.origin) {
          plan.problems.push({
            seq: cp.size,
            reason: 'origin-mismatch',
            message: `the trusted checkpoint is for ${JSON.stringify(cp.origin)}, this log is ${JSON.stringify(input.origin)}`,
          });
          continue;
        }
        plan.trusted += 1;
        addRoot(cp, 'trusted');
      } catch (error) {
        plan.problems.push({
          seq: 0,
          reason: 'bad-signature',
          message: `a trusted checkpoint is unusable: ${(error as Error).message}`,
        });
      }
    } else if (legacyOk(given)) {
      plan.trusted += 1;
      addHead(given);
    } else {
      plan.problems.push({
        seq: Number.isSafeInteger(given?.size) ? given.size : 0,
        reason: 'bad-signature',
        message: 'a trusted checkpoint does not verify with the given public key',
      });
    }
  }

  for (const stored of input.stored) {
    if (isNoteCheckpoint(stored)) {
      try {
        const cp = openCheckpoint(stored.note, input.verifiers, input.origin);
        addRoot(cp, 'store');
      } catch {
        plan.ignored += 1;
      }
    } else if (legacyOk(stored)) {
      addHead(stored);
    } else {
      plan.ignored += 1;
    }
  }
  return plan;
}

/** The error `verify` throws when it is asked to verify without anything to trust. */
export function trustRequired(what: string): AuditLogError {
  return new AuditLogError(
    'TRUST_REQUIRED',
    `verify needs ${what}; pass allowUnsigned: true (--allow-unsigned) to check the chain alone, which proves nothing against someone who can rewrite the whole store`,
  );
}
