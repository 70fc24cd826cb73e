// C2SP signed-note (c2sp.org/signed-note): a text signed by one or more keys, with Ed25519
// signatures (type 0x01), key IDs and verifier keys ("vkeys") as that specification defines them.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign,
  verify as verifySignature,
} from 'node:crypto';
import type { KeyInput } from '../checkpoint';
import { AuditLogError } from '../errors';

/** Signs notes: an Ed25519 private key and the key name its signature lines carry. */
export interface NoteSigner {
  /** Non-empty, without spaces or `+` (a schema-less URL is recommended, e.g. `boston.gov/audit`). */
  name: string;
  /** Ed25519 private key, PEM or KeyObject. */
  privateKey: KeyInput;
}

/** A key a verifier trusts: name, key ID and Ed25519 public key. */
export interface NoteVerifier {
  name: string;
  /** SHA-256(name || 0x0A || 0x01 || public key)[:4] as a big-endian uint32. */
  keyId: number;
  publicKey: KeyObject;
}

/** A trusted key as a verifier key string (`name+hex id+base64 key`) or a name and a public key. */
export type TrustedKey = string | { name: string; publicKey: KeyInput };

const ED25519 = 0x01;
/** Verifiers must accept at least 16 signatures; more than this is refused as abuse. */
const MAX_SIGNATURES = 64;
const SIG_PREFIX = '\u2014 ';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const invalid = (message: string) => new AuditLogError('INVALID_CHECKPOINT', message);

/** Strict standard base64 (RFC 4648 section 4): undefined unless the text round-trips. */
export function decodeBase64(text: string): Buffer | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** True for a key name the specification allows: non-empty, no Unicode space, no `+`. */
export function isKeyName(name: unknown): name is string {
  return (
    typeof name === 'string' && name.length > 0 && !/[\s+\u2014]/u.test(name) && !hasControl(name)
  );
}

/** True when `text` has no lone surrogate (String#isWellFormed, ES2024, is in Node 20). */
function wellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) return true;
  }
  return false;
}

function ed25519(key: KeyInput, kind: 'private' | 'public'): KeyObject {
  let k: KeyObject;
  try {
    k =
      typeof key === 'string'
        ? kind === 'private'
          ? createPrivateKey(key)
          : createPublicKey(key)
        : kind === 'public' && key.type === 'private'
          ? createPublicKey(key)
          : key;
  } catch (error) {
    throw new AuditLogError('INVALID_OPTIONS', `not a readable ${kind} key`, { cause: error });
  }
  if (k.asymmetricKeyType !== 'ed25519' || (kind === 'private' && k.type !== 'private')) {
    throw new AuditLogError('INVALID_OPTIONS', `checkpoints need an Ed25519 ${kind} key`);
  }
  return k;
}

/** The 32-byte RFC 8032 encoding of an Ed25519 public key. */
export function rawPublicKey(key: KeyInput): Buffer {
  const jwk = ed25519(key, 'public').export({ format: 'jwk' }) as { x?: string };
  return Buffer.from(jwk.x ?? '', 'base64url');
}

/** The signed-note key ID of an Ed25519 key: SHA-256(name || 0x0A || 0x01 || key)[:4]. */
export function noteKeyId(name: string, publicKey: KeyInput): number {
  const digest = createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ED25519]))
    .update(rawPublicKey(publicKey))
    .digest();
  return digest.readUInt32BE(0);
}

/**
 * The verifier key (vkey) text of an Ed25519 public key: `name+hex(key ID)+base64(0x01 || key)`,
 * which transparency tooling (witnesses, monitors) reads.
 *
 * @example
 * ```ts
 * const { publicKey } = generateCheckpointKeys();
 * verifierKey('boston.gov/audit/case-desk', publicKey); // 'boston.gov/audit/case-desk+1a2b3c4d+AX…'
 * ```
 */
export function verifierKey(name: string, publicKey: KeyInput): string {
  if (!isKeyName(name))
    throw new AuditLogError('INVALID_OPTIONS', `invalid key name ${JSON.stringify(name)}`);
  const id = noteKeyId(name, publicKey).toString(16).padStart(8, '0');
  const material = Buffer.concat([Buffer.from([ED25519]), rawPublicKey(publicKey)]);
  return `${name}+${id}+${material.toString('base64')}`;
}

/** Reads a verifier key; throws `INVALID_OPTIONS` unless it is a well-formed Ed25519 vkey. */
export function parseVerifierKey(vkey: string): NoteVerifier {
  // The name has no `+`, the ID is 8 hex digits; base64 may itself contain `+`.
  const text = typeof vkey === 'string' ? vkey.trim() : '';
  const first = text.indexOf('+');
  const name = first < 0 ? undefined : text.slice(0, first);
  const idHex = text.slice(first + 1, first + 9);
  const material = text[first + 9] === '+' ? text.slice(first + 10) : undefined;
  const bytes = material === undefined ? undefined : decodeBase64(material);
  if (
    !isKeyName(name) ||
    !/^[0-9a-f]{8}$/.test(idHex ?? '') ||
    !bytes ||
    bytes.length !== 33 ||
    bytes[0] !== ED25519
  ) {
    throw new AuditLogError(
      'INVALID_OPTIONS',
      'not an Ed25519 verifier key (name+hex id+base64 key)',
    );
  }
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: bytes.subarray(1).toString('base64url') },
    format: 'jwk',
  });
  const keyId = Number.parseInt(idHex as string, 16);
  if (noteKeyId(name, publicKey) !== keyId) {
    throw new AuditLogError(
      'INVALID_OPTIONS',
      `verifier key ${name}: the key ID does not match the key`,
    );
  }
  return { name, keyId, publicKey };
}

/** A {@link TrustedKey} as a {@link NoteVerifier}. */
export function toVerifier(key: TrustedKey): NoteVerifier {
  if (typeof key === 'string') return parseVerifierKey(key);
  if (!key || !isKeyName(key.name)) {
    throw new AuditLogError('INVALID_OPTIONS', 'a trusted key needs a key name and a public key');
  }
  const publicKey = ed25519(key.publicKey, 'public');
  return { name: key.name, keyId: noteKeyId(key.name, publicKey), publicKey };
}

/**
 * Signs `text` (which must end in a newline) with every signer: the text, a blank line, and one
 * `— name base64(key ID || signature)` line per signer.
 */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  if (typeof text !== 'string' || !text.endsWith('\n') || hasControl(text) || !wellFormed(text)) {
    throw invalid(
      'a note text must be well-formed UTF-8 ending in a newline, without control characters',
    );
  }
  if (signers.length === 0) throw new AuditLogError('INVALID_OPTIONS', 'a note needs a signer');
  let out = `${text}\n`;
  for (const signer of signers) {
    if (!isKeyName(signer.name)) {
      throw new AuditLogError('INVALID_OPTIONS', `invalid key name ${JSON.stringify(signer.name)}`);
    }
    const key = ed25519(signer.privateKey, 'private');
    const id = Buffer.alloc(4);
    id.writeUInt32BE(noteKeyId(signer.name, key));
    const signature = sign(null, Buffer.from(text, 'utf8'), key);
    out += `${SIG_PREFIX}${signer.name} ${Buffer.concat([id, signature]).toString('base64')}\n`;
  }
  return out;
}

/** One signature line of a note. */
export interface NoteSignature {
  name: string;
  keyId: number;
  /** The bytes after the key ID. */
  signature: Buffer;
}

/** A note split into its text and signature lines, unverified. Throws `INVALID_CHECKPOINT`. */
export function parseNote(note: string): { text: string; signatures: NoteSignature[] } {
  if (typeof note !== 'string' || !wellFormed(note) || hasControl(note)) {
    throw invalid('a signed note must be well-formed UTF-8 without control characters');
  }
  if (!note.endsWith('\n')) throw invalid('a signed note ends with a newline');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw invalid('a signed note has a blank line before its signatures');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw invalid(`more than ${MAX_SIGNATURES} signatures`);
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    if (!line.startsWith(SIG_PREFIX))
      throw invalid('a signature line starts with an em dash and a space');
    const rest = line.slice(SIG_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = rest.slice(0, space);
    const bytes = space < 0 ? undefined : decodeBase64(rest.slice(space + 1));
    if (!isKeyName(name) || !bytes || bytes.length < 5) throw invalid('malformed signature line');
    signatures.push({ name, keyId: bytes.readUInt32BE(0), signature: bytes.subarray(4) });
  }
  return { text, signatures };
}

/**
 * Verifies a signed note against the trusted keys: signatures of unknown keys are ignored; a
 * signature of a known key that fails rejects the note; at least one known key must have
 * signed. Returns the text and the names of the keys that verified. Throws `INVALID_CHECKPOINT`.
 */
export function openNote(
  note: string,
  verifiers: readonly NoteVerifier[],
): { text: string; verifiedBy: string[] } {
  const { text, signatures } = parseNote(note);
  const message = Buffer.from(text, 'utf8');
  const verifiedBy: string[] = [];
  for (const s of signatures) {
    const key = verifiers.find((v) => v.name === s.name && v.keyId === s.keyId);
    if (!key) continue;
    let ok = false;
    try {
      ok = s.signature.length === 64 && verifySignature(null, message, key.publicKey, s.signature);
    } catch {
      ok = false;
    }
    if (!ok) throw invalid(`the signature of ${s.name} does not verify`);
    if (!verifiedBy.includes(s.name)) verifiedBy.push(s.name);
  }
  if (verifiedBy.length === 0) throw invalid('no trusted key signed this note');
  return { text, verifiedBy };
}
