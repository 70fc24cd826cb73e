import { describe, expect, it } from 'vitest';
import { CaseRecord, cases } from '../test/caseRecord';
import { generateCheckpointKeys } from './checkpoint';
import { createAuditLog } from './createAuditLog';
import { defineAgreement } from './defineAgreement';
import { memoryStore } from './memoryStore';
import { verifierKey } from './note/signedNote';
import { pgliteStore } from './pgliteStore';
import { proveReceipt, verifyReceipt } from './receiptProof';
import { share } from './share';

describe('share receipt with an inclusion proof', () => {
  // Memory stores seal in format 1 (a hash chain), SQL stores in format 2 (no position in the
  // hash): a receipt checks the same way for both.
  it.each([
    ['memory (format 1)', () => memoryStore({ chainId: 'data-office' }), undefined],
    ['PGlite (format 2)', () => pgliteStore({ chainId: 'data-office' }), 2],
  ] as const)(
    'the recipient checks the receipt alone with the verifier key: %s',
    async (_name, open, format) => {
      const keys = generateCheckpointKeys();
      const log = createAuditLog({
        app: { name: 'data-office' },
        store: open(),
        signer: { privateKey: keys.privateKey, origin: 'boston.gov/audit/data-office', everyMs: 0 },
      });
      for (let i = 0; i < 5; i++) {
        await log.record({
          actor: { type: 'user', id: 'u-1' },
          action: 'case.view',
          target: { type: 'case', id: `c-${i}` },
          outcome: 'success',
        });
      }
      const day = 86_400_000;
      const agreement = defineAgreement({
        id: 'dsa-1',
        title: 'street defects',
        provider: 'PWD',
        recipient: 'BTD',
        datasets: ['CaseRecord'],
        purposes: ['street-planning'],
        classificationCeiling: 'internal',
        deidentification: {
          'contact.email': 'drop',
          'contact.phone': 'drop',
          'contact.first_name': 'drop',
          'contact.last_name': 'drop',
          description: 'drop',
          'activities[].note': 'drop',
          lat: 'generalize',
          long: 'generalize',
        },
        // Valid by the real clock, which is what share() reads.
        validFrom: new Date(Date.now() - 30 * day).toISOString(),
        validUntil: new Date(Date.now() + 300 * day).toISOString(),
        duties: { deleteAfterDays: 90 },
        legalBasis: ['Executive Order 2025-08'],
      });
      const { manifest } = await share(cases().slice(0, 2), {
        schema: CaseRecord,
        agreement,
        recipient: 'BTD',
        purpose: 'street-planning',
        audit: log,
        actor: { type: 'user', id: 'u-9', department: 'PWD' },
      });
      const proof = JSON.parse(JSON.stringify(await proveReceipt(log, manifest)));
      expect(proof.event.integrity.format).toBe(format);
      expect(proof.event.integrity.seq).toBe(manifest.audit.seq);
      const vkey = verifierKey('boston.gov/audit/data-office', keys.publicKey);
      const opts = { keys: [vkey], origin: 'boston.gov/audit/data-office' };
      expect(verifyReceipt(manifest, proof, opts)).toMatchObject({ ok: true });
      expect(verifyReceipt({ ...manifest, contentHash: 'sha256:00' }, proof, opts).ok).toBe(false);
      expect(
        verifyReceipt(manifest, { ...proof, proof: [...proof.proof].reverse() }, opts).ok,
      ).toBe(proof.proof.length < 2);
      const other = verifierKey('boston.gov/audit/data-office', generateCheckpointKeys().publicKey);
      expect(verifyReceipt(manifest, proof, { keys: [other] }).ok).toBe(false);
      await log.close();
    },
    30_000,
  );
});
