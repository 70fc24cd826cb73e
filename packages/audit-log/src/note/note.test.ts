// The examples of the C2SP specifications (c2sp.org/signed-note and c2sp.org/tlog-checkpoint,
// C2SP/C2SP commit 5ba5ee830903e91240fc6f9f3a7a9293d49e69c9; specifications CC BY 4.0).
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkpointText,
  openCheckpoint,
  parseCheckpointText,
  readCheckpointUnverified,
  signCheckpointNote,
} from './checkpointNote';
import {
  openNote,
  parseNote,
  parseVerifierKey,
  signNote,
  toVerifier,
  verifierKey,
} from './signedNote';

// signed-note.md, "Verifier keys", Example.
const SPEC_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const SPEC_NOTE =
  'This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
// tlog-checkpoint.md, the example checkpoint (its key is not published, so it is parsed only).
const SPEC_CHECKPOINT =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n';

const pair = (name: string) => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { signer: { name, privateKey }, verifier: toVerifier({ name, publicKey }), publicKey };
};

describe('signed notes (c2sp.org/signed-note)', () => {
  it('verifies the specification example with its verifier key, whose key ID we derive', () => {
    const v = parseVerifierKey(SPEC_VKEY);
    expect(v.keyId).toBe(0x530d903a);
    expect(verifierKey(v.name, v.publicKey)).toBe(SPEC_VKEY);
    expect(openNote(SPEC_NOTE, [v])).toEqual({
      text: 'This is an example message.\n',
      verifiedBy: ['example.com/foo'],
    });
  });

  it('refuses the example with one changed character, or without a trusted key', () => {
    const v = parseVerifierKey(SPEC_VKEY);
    expect(() => openNote(SPEC_NOTE.replace('example message', 'example massage'), [v])).toThrow(
      /does not verify/,
    );
    expect(() => openNote(SPEC_NOTE, [pair('example.com/foo').verifier])).toThrow(/no trusted key/);
    expect(() => parseVerifierKey(SPEC_VKEY.replace('530d903a', '530d903b'))).toThrow(/key ID/);
  });

  it('signs with several keys (rotation): either key alone verifies, unknown signatures are ignored', () => {
    const a = pair('boston.gov/audit');
    const b = pair('boston.gov/audit-2027');
    const note = signNote('hello\n', [a.signer, b.signer]);
    expect(parseNote(note).signatures).toHaveLength(2);
    expect(openNote(note, [a.verifier]).verifiedBy).toEqual(['boston.gov/audit']);
    expect(openNote(note, [b.verifier]).verifiedBy).toEqual(['boston.gov/audit-2027']);
    expect(openNote(note, [a.verifier, b.verifier]).verifiedBy).toHaveLength(2);
  });

  it('refuses malformed notes with INVALID_CHECKPOINT', () => {
    for (const bad of [
      'no blank line\n\u2014 a AAAA\n',
      'text\n\n\u2014 a not-base64!\n',
      'text\n\n- a AAAAAAAA\n',
      'text\n\n\u2014 a AAAAAAAA',
      'te\u0000xt\n\n\u2014 a AAAAAAAA\n',
      'text\n\n\u2014 a+b AAAAAAAA\n',
    ]) {
      expect(() => parseNote(bad)).toThrow(expect.objectContaining({ code: 'INVALID_CHECKPOINT' }));
    }
  });
});

describe('checkpoints (c2sp.org/tlog-checkpoint)', () => {
  it('reads the specification example', () => {
    expect(readCheckpointUnverified(SPEC_CHECKPOINT)).toEqual({
      origin: 'example.com/behind-the-sofa',
      size: 20852163,
      rootHash: 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=',
    });
  });

  it('signs and opens a checkpoint whose key name is its origin', () => {
    const k = pair('boston.gov/audit/permits');
    const root = Buffer.alloc(32, 7).toString('base64');
    const cp = signCheckpointNote(
      { origin: 'boston.gov/audit/permits', size: 42, rootHash: root },
      [k.signer],
    );
    expect(cp.note.startsWith('boston.gov/audit/permits\n42\n')).toBe(true);
    const opened = openCheckpoint(
      cp.note,
      [toVerifier(verifierKey(k.signer.name, k.publicKey))],
      'boston.gov/audit/permits',
    );
    expect(opened).toMatchObject({
      size: 42,
      rootHash: root,
      verifiedBy: ['boston.gov/audit/permits'],
    });
    expect(() => openCheckpoint(cp.note, [k.verifier], 'boston.gov/audit/other')).toThrow(
      /not "boston.gov\/audit\/other"/,
    );
  });

  it('a malformed size, root or origin makes a checkpoint unusable, even when validly signed', () => {
    const k = pair('o');
    const root = Buffer.alloc(32).toString('base64');
    for (const text of [
      `o\nNaN\n${root}\n`,
      `o\n-1\n${root}\n`,
      `o\n012\n${root}\n`,
      `o\n1e3\n${root}\n`,
      `o\n 5\n${root}\n`,
      `o\n99999999999999999999\n${root}\n`,
      `o\n5\n${Buffer.alloc(31).toString('base64')}\n`,
      `o\n5\n${root.slice(0, -1)}\n`,
      `\n5\n${root}\n`,
      `o\n5\n`,
      `o\n5\n${root}\n\n`,
    ]) {
      // Signed by a trusted key, yet refused: the parse happens after the signature check.
      const note = signNote(text, [k.signer]);
      expect(() => openCheckpoint(note, [k.verifier])).toThrow(
        expect.objectContaining({ code: 'INVALID_CHECKPOINT' }),
      );
    }
    expect(() => parseCheckpointText(`o\n5\n${root}\n`)).not.toThrow();
    expect(() => checkpointText({ origin: 'o', size: Number.NaN, rootHash: root })).toThrow();
  });
});
