import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify as verifySignature,
} from 'node:crypto';
import { AuditLogError } from './errors';
import { canonicalize } from './internal/canonical';

/**
 * A signed statement "chain `chainId` had `size` events and its head hash was `headHash` at
 * `time`". Whoever keeps one can later prove that none of those events was truncated or
 * rewritten, even by someone who can rewrite the whole store.
 */
export interface Checkpoint {
  chainId: string;
  /** The seq of the last event covered (the chain's length). */
  size: number;
  headHash: string;
  /** RFC 3339 time of signing. */
  time: string;
  /** Which key signed, so keys can rotate. */
  keyId?: string;
  /** Ed25519 signature (base64url) over the canonical JSON of the other fields. */
  signature: string;
}

/** A key as PEM text or a node:crypto KeyObject. */
export type KeyInput = string | KeyObject;

/** When and with what key `createAuditLog` signs checkpoints. */
export interface CheckpointSigner {
  /** Ed25519 private key (PEM or KeyObject). */
  privateKey: KeyInput;
  /**
   * The log's origin, the first line of every checkpoint (default `city-audit/<chainId>`): a
   * schema-less URL that names this log, e.g. `boston.gov/audit/case-desk`.
   */
  origin?: string;
  /** The key name in signature lines (default: the origin, as c2sp.org/tlog-checkpoint advises). */
  keyName?: string;
  /** More keys to sign with, e.g. the next key while a key is being rotated. */
  alsoSignWith?: readonly { name: string; privateKey: KeyInput }[];
  /** @deprecated Used by the JSON checkpoints of earlier releases only. */
  keyId?: string;
  /** Sign after at least this many new events (default 1000). */
  everyEvents?: number;
  /** Also sign at least this often while events arrive (default 60,000 ms; 0 turns it off). */
  everyMs?: number;
}

const CONTEXT = 'city-audit-checkpoint/v1';

function message(cp: Omit<Checkpoint, 'signature'>): Buffer {
  const body: Record<string, unknown> = {
    context: CONTEXT,
    chainId: cp.chainId,
    size: cp.size,
    headHash: cp.headHash,
    time: cp.time,
  };
  if (cp.keyId !== undefined) body.keyId = cp.keyId;
  return Buffer.from(canonicalize(body), 'utf8');
}

function privateKeyOf(key: KeyInput): KeyObject {
  const k = typeof key === 'string' ? createPrivateKey(key) : key;
  if (k.type !== 'private' || k.asymmetricKeyType !== 'ed25519') {
    throw new AuditLogError('INVALID_OPTIONS', 'checkpoint signing needs an Ed25519 private key');
  }
  return k;
}

function publicKeyOf(key: KeyInput): KeyObject {
  const k =
    typeof key === 'string'
      ? createPublicKey(key)
      : key.type === 'private'
        ? createPublicKey(key)
        : key;
  if (k.asymmetricKeyType !== 'ed25519') {
    throw new AuditLogError(
      'INVALID_OPTIONS',
      'checkpoint verification needs an Ed25519 public key',
    );
  }
  return k;
}

/**
 * Signs a checkpoint with Ed25519.
 *
 * @example
 * ```ts
 * const { privateKey, publicKey } = generateCheckpointKeys();
 * const cp = signCheckpoint({ chainId: 'permits', size: 10, headHash }, privateKey);
 * verifyCheckpoint(cp, publicKey); // true
 * ```
 */
export function signCheckpoint(
  head: { chainId: string; size: number; headHash: string; time?: string; keyId?: string },
  privateKey: KeyInput,
): Checkpoint {
  const unsigned: Omit<Checkpoint, 'signature'> = {
    chainId: head.chainId,
    size: head.size,
    headHash: head.headHash,
    time: head.time ?? new Date().toISOString(),
    ...(head.keyId === undefined ? {} : { keyId: head.keyId }),
  };
  const signature = sign(null, message(unsigned), privateKeyOf(privateKey)).toString('base64url');
  return { ...unsigned, signature };
}

/** True when `checkpoint` is well formed and signed by the private half of `publicKey`. */
export function verifyCheckpoint(checkpoint: Checkpoint, publicKey: KeyInput): boolean {
  const key = publicKeyOf(publicKey);
  if (
    typeof checkpoint !== 'object' ||
    checkpoint === null ||
    typeof checkpoint.chainId !== 'string' ||
    !Number.isSafeInteger(checkpoint.size) ||
    typeof checkpoint.headHash !== 'string' ||
    typeof checkpoint.time !== 'string' ||
    typeof checkpoint.signature !== 'string'
  ) {
    return false;
  }
  const { signature, ...rest } = checkpoint;
  try {
    return verifySignature(null, message(rest), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** A fresh Ed25519 key pair as PEM text (PKCS#8 private, SPKI public). */
export function generateCheckpointKeys(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
