import { createHash, createHmac, randomBytes } from 'node:crypto';
import { classified, fieldsOf } from '@cityofboston/standards-schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CaseRecord, cases } from '../test/caseRecord';
import { UNSIGNED } from '../test/fixtures';
import { createAuditLog } from './createAuditLog';
import { defineAgreement } from './defineAgreement';
import { exportPublicRecords } from './exportPublicRecords';
import { canonicalize } from './internal/canonical';
import { memoryStore } from './memoryStore';
import { DATA_STEWARD_ROLE, planShare } from './planShare';
import { share } from './share';
import { verify } from './verify';

const requests = cases();
const actor = { type: 'user' as const, id: 'u-42', department: 'PWD' };
const KEY = randomBytes(32).toString('base64url');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const base = {
  id: 'dsa-2026-004',
  title: 'Street defects for BTD planning',
  provider: 'PWD',
  recipient: 'BTD',
  datasets: ['CaseRecord'],
  purposes: ['street-planning'],
  classificationCeiling: 'internal' as const,
  deidentification: {
    'contact.email': 'pseudonymize' as const,
    'contact.phone': 'mask' as const,
    'contact.first_name': 'truncate' as const,
    'contact.last_name': 'drop' as const,
    description: 'drop' as const,
    'activities[].note': 'drop' as const,
    // Free text, photos and Boston's extension fields that standards-schema classifies
    // confidential (real closure reasons hold names and phone numbers).
    status_notes: 'drop' as const,
    'media_url[]': 'drop' as const,
    'media_url[].id': 'drop' as const,
    'media_url[].url': 'drop' as const,
    'media_url[].tags': 'drop' as const,
    address_details: 'drop' as const,
    'closure_details.reason': 'drop' as const,
    'closure_details.comment': 'drop' as const,
    'attributes[].values[].answer': 'drop' as const,
    'attributes[].values[].answer_value': 'drop' as const,
    'activities[].description': 'drop' as const,
    'activities[].media_url': 'drop' as const,
    'activities[].media_url[]': 'drop' as const,
    'activities[].media_url[].id': 'drop' as const,
    'activities[].media_url[].url': 'drop' as const,
    'activities[].media_url[].tags': 'drop' as const,
    'events[].notes': 'drop' as const,
    'closure.reason': 'drop' as const,
    'open_data.closure_comments': 'drop' as const,
    'open_data.closed_photo': 'drop' as const,
    'open_data.other': 'drop' as const,
    lat: 'generalize' as const,
    long: 'generalize' as const,
  },
  // Valid now, by the real clock: the share decides validity by the server's clock only.
  validFrom: iso(Date.now() - 30 * DAY),
  validUntil: iso(Date.now() + 300 * DAY),
  duties: { deleteAfterDays: 90, noResharing: true },
  legalBasis: ['Executive Order 2025-08'],
};

function setup() {
  const store = memoryStore();
  const audit = createAuditLog({ app: { name: 'data-office' }, store });
  return { store, audit };
}

type Agreement = ReturnType<typeof defineAgreement>;

/** `share()` under `agreement` with the tests' usual recipient, purpose, actor and key. */
function shareUnder(
  agreement: Agreement,
  audit: ReturnType<typeof createAuditLog>,
  overrides: Record<string, unknown> = {},
  records: unknown = requests,
) {
  return share(
    records as never,
    {
      schema: CaseRecord,
      agreement,
      recipient: 'BTD',
      purpose: 'street-planning',
      audit,
      actor,
      pseudonymKey: KEY,
      ...overrides,
    } as never,
  );
}

const patched = (patch: Record<string, unknown>) =>
  defineAgreement(JSON.parse(JSON.stringify({ ...base, ...patch })));

/** The error of a refused share, after checking it was audited as denied with its reason. */
async function refusedAndAudited(
  run: (audit: ReturnType<typeof createAuditLog>) => Promise<unknown>,
  code: string,
) {
  const { store, audit } = setup();
  const error = await run(audit).catch((e: unknown) => e);
  expect(error).toMatchObject({ code });
  const last = store.events.at(-1);
  expect(last).toMatchObject({ action: 'share.export', outcome: 'denied' });
  expect(last?.reason).toContain(code);
  expect((await verify(store, UNSIGNED)).ok).toBe(true);
  await audit.close();
  return error as Error;
}

describe('share', () => {
  it('applies each rule, records a share.export event and returns a checkable manifest', async () => {
    const { store, audit } = setup();
    const agreement = defineAgreement(base);
    const { records, manifest } = await shareUnder(agreement, audit);
    expect(records).toHaveLength(5);
    const shared = records[0] as { contact: Record<string, string>; lat?: number };
    const original = requests[0] as (typeof requests)[number];
    expect(shared.contact.last_name).toBeUndefined();
    expect(shared.contact.email).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(shared.contact.phone).toContain('*');
    expect(shared.contact.phone?.endsWith(original.contact?.phone?.slice(-4) as string)).toBe(true);
    expect(shared.contact.first_name).toBe(`${original.contact?.first_name?.[0]}…`);
    expect(shared.lat).toBe(Math.round((original.lat as number) * 100) / 100);
    const bytes = JSON.stringify(records);
    for (const r of requests) {
      expect(bytes).not.toContain(r.contact?.email);
      expect(bytes).not.toContain(`"${r.contact?.last_name}"`);
      expect(bytes).not.toContain(r.description);
    }
    expect(manifest).toMatchObject({
      mode: 'share',
      agreementId: 'dsa-2026-004',
      provider: 'PWD',
      recipient: 'BTD',
      purpose: 'street-planning',
      dataset: 'CaseRecord',
      recordCount: 5,
      duties: { deleteAfterDays: 90, noResharing: true },
    });
    expect(manifest.contentHash).toBe(
      `sha256:${createHash('sha256').update(canonicalize(records)).digest('hex')}`,
    );
    expect(manifest.fields.find((f) => f.path === 'contact.email')?.treatment).toBe('pseudonymize');
    expect(manifest.fields.some((f) => f.path === 'contact.last_name')).toBe(false);
    const event = store.events.at(-1);
    expect(event).toMatchObject({
      action: 'share.export',
      outcome: 'success',
      agreementId: 'dsa-2026-004',
      purpose: 'street-planning',
      details: { recordCount: 5, contentHash: manifest.contentHash, recipient: 'BTD' },
    });
    expect(manifest.audit).toEqual({
      eventId: event?.id,
      seq: event?.integrity.seq,
      hash: event?.integrity.hash,
    });
    expect((await verify(store, UNSIGNED)).ok).toBe(true);
    await audit.close();
  });

  it('pseudonyms join within one agreement and not across agreements', async () => {
    const { audit } = setup();
    const emails = (r: { records: Record<string, unknown>[] }) =>
      r.records.map((x) => (x.contact as { email?: string } | undefined)?.email).filter(Boolean);
    const a1 = await shareUnder(defineAgreement(base), audit);
    const a2 = await shareUnder(defineAgreement(base), audit);
    const b = await shareUnder(defineAgreement({ ...base, id: 'dsa-2026-005' }), audit);
    expect(emails(a1).length).toBe(5);
    expect(emails(a2)).toEqual(emails(a1));
    for (const e of emails(b)) expect(emails(a1)).not.toContain(e);
    await audit.close();
  });

  it('keeps only allowedFields when the agreement lists them', async () => {
    const { audit } = setup();
    const { records, manifest } = await shareUnder(
      patched({ allowedFields: ['id', 'status', 'zipcode', 'activities[].type'] }),
      audit,
    );
    for (const r of records) {
      for (const key of Object.keys(r))
        expect(['id', 'status', 'zipcode', 'activities']).toContain(key);
      for (const a of (r.activities as Record<string, unknown>[] | undefined) ?? [])
        expect(Object.keys(a)).toEqual(['type']);
    }
    expect(manifest.fields.map((f) => f.path).sort()).toEqual([
      'activities[].type',
      'id',
      'status',
      'zipcode',
    ]);
    await audit.close();
  });

  describe('refusals, each with its code and a denied audit event with the reason', () => {
    const refusals: [string, Record<string, unknown>, Record<string, unknown>, string][] = [
      [
        'a purpose the agreement does not allow',
        {},
        { purpose: 'marketing' },
        'SHARE_PURPOSE_NOT_ALLOWED',
      ],
      [
        'an expired agreement',
        { validFrom: iso(Date.now() - 60 * DAY), validUntil: iso(Date.now() - DAY) },
        {},
        'SHARE_AGREEMENT_EXPIRED',
      ],
      [
        'a not-yet-valid agreement',
        { validFrom: iso(Date.now() + DAY), validUntil: iso(Date.now() + 60 * DAY) },
        {},
        'SHARE_AGREEMENT_NOT_YET_VALID',
      ],
      ['another recipient', {}, { recipient: 'BPD' }, 'SHARE_WRONG_RECIPIENT'],
      [
        'a dataset the agreement does not cover',
        { datasets: ['Permit'] },
        {},
        'SHARE_DATASET_NOT_COVERED',
      ],
      [
        'a field above the ceiling without a rule',
        { deidentification: { ...base.deidentification, 'contact.email': undefined } },
        {},
        'SHARE_ABOVE_CEILING',
      ],
      [
        'an actor from another department',
        {},
        { actor: { ...actor, department: 'BTD' } },
        'SHARE_WRONG_DEPARTMENT',
      ],
      [
        'an actor with no department',
        {},
        { actor: { type: 'user', id: 'u-9' } },
        'SHARE_WRONG_DEPARTMENT',
      ],
    ];
    for (const [name, agreementPatch, optionPatch, code] of refusals) {
      it(`refuses ${name} with ${code}`, async () => {
        const agreement = patched(agreementPatch);
        const error = await refusedAndAudited(
          (audit) => shareUnder(agreement, audit, optionPatch),
          code,
        );
        // planShare foresees the same refusal, with the same message, and records nothing.
        const planned = planShare(CaseRecord, agreement, {
          recipient: (optionPatch.recipient as string) ?? 'BTD',
          purpose: (optionPatch.purpose as string) ?? 'street-planning',
          ...(code === 'SHARE_WRONG_DEPARTMENT' ? {} : { actor }),
        });
        if (code !== 'SHARE_WRONG_DEPARTMENT') {
          expect(planned.refusal?.code).toBe(code);
          expect(error.message).toBe(`share refused: ${planned.refusal?.message}`);
        }
      });
    }

    it("a caller's `now` cannot extend an expired agreement (the server's clock decides)", async () => {
      const expired = patched({
        validFrom: iso(Date.now() - 60 * DAY),
        validUntil: iso(Date.now() - DAY),
      });
      await refusedAndAudited(
        (audit) => shareUnder(expired, audit, { now: new Date(Date.now() - 30 * DAY) }),
        'SHARE_AGREEMENT_EXPIRED',
      );
      const early = patched({ validFrom: iso(Date.now() + DAY) });
      expect(
        planShare(CaseRecord, early, { now: new Date(Date.now() + 2 * DAY) } as never).refusal
          ?.code,
      ).toBe('SHARE_AGREEMENT_NOT_YET_VALID');
    });

    it('refuses records of another department than the provider', async () => {
      const mixed = [...requests, ...cases('BPD').slice(0, 1)];
      const error = await refusedAndAudited(
        (audit) => shareUnder(defineAgreement(base), audit, {}, mixed),
        'SHARE_WRONG_DEPARTMENT',
      );
      expect(error.message).toContain('record 5 belongs to BPD');
    });

    it('lets a data steward of another department share for the provider', async () => {
      const { audit } = setup();
      const steward = { ...actor, department: 'DoIT', roles: [DATA_STEWARD_ROLE] };
      const { manifest } = await shareUnder(defineAgreement(base), audit, { actor: steward });
      expect(manifest.recordCount).toBe(5);
      await audit.close();
    });

    it('takes the dataset from the schema, not from the caller', async () => {
      const Other = CaseRecord.meta({ id: 'Permit', title: 'Permit' });
      await refusedAndAudited(
        (audit) =>
          shareUnder(defineAgreement(base), audit, { schema: Other, dataset: 'CaseRecord' }),
        'SHARE_DATASET_NOT_COVERED',
      );
    });

    it('refuses a field without classification metadata (deny by default), naming it', async () => {
      const Loose = CaseRecord.extend({ note: z.string().optional() }).meta({ id: 'CaseRecord' });
      const error = await refusedAndAudited(
        (audit) => shareUnder(defineAgreement(base), audit, { schema: Loose }),
        'SHARE_UNTAGGED_FIELD',
      );
      expect(error.message).toContain('note');
      const planned = planShare(Loose, defineAgreement(base));
      expect(planned.fields.find((f) => f.path === 'note')?.treatment).toBe('refused');
      expect(planned.refusal?.code).toBe('SHARE_UNTAGGED_FIELD');
    });

    it('accepts a field that inherits its tag from a tagged enclosing field', () => {
      const Nested = CaseRecord.extend({
        inspection: classified(z.object({ grade: z.string() }), { classification: 'internal' }),
      }).meta({ id: 'CaseRecord' });
      const planned = planShare(Nested, defineAgreement(base));
      expect(planned.fields.find((f) => f.path === 'inspection.grade')?.treatment).toBe('keep');
      expect(planned.refusal).toBeUndefined();
    });

    it('refuses a look-alike of a standard schema that lowers a classification', async () => {
      const fake = z
        .object({
          service_request_id: classified(z.string(), { classification: 'public' }),
          department: classified(z.string(), { classification: 'public' }),
          contact: z.object({ email: classified(z.string(), { classification: 'public' }) }),
        })
        .meta({ id: 'ServiceRequest' });
      const error = await refusedAndAudited(
        (audit) =>
          shareUnder(patched({ datasets: ['ServiceRequest'] }), audit, { schema: fake }, [
            { service_request_id: '1', department: 'PWD', contact: { email: 'a@example.org' } },
          ]),
        'SHARE_SCHEMA_MISMATCH',
      );
      expect(error.message).toContain('contact.email');
    });

    it('refuses a weak or missing pseudonym key with SHARE_KEY_REFUSED', async () => {
      await refusedAndAudited(
        (audit) =>
          shareUnder(defineAgreement(base), audit, { pseudonymKey: 'share-secret-for-tests' }),
        'SHARE_KEY_REFUSED',
      );
      await refusedAndAudited(
        (audit) => shareUnder(defineAgreement(base), audit, { pseudonymKey: randomBytes(16) }),
        'SHARE_KEY_REFUSED',
      );
      await refusedAndAudited(
        (audit) => shareUnder(defineAgreement(base), audit, { pseudonymKey: undefined }),
        'SHARE_KEY_REFUSED',
      );
    });

    it('refuses and audits a record that does not match the schema with SHARE_INVALID_RECORD', async () => {
      await refusedAndAudited(
        (audit) => shareUnder(defineAgreement(base), audit, {}, [{ nope: true }]),
        'SHARE_INVALID_RECORD',
      );
    });
  });

  it("puts the key's fingerprint in the manifest (first 8 bytes of SHA-256, hex)", async () => {
    const { audit } = setup();
    const key = randomBytes(32);
    const { manifest } = await shareUnder(defineAgreement(base), audit, { pseudonymKey: key });
    expect(manifest.pseudonymKeyId).toBe(
      createHash('sha256').update(key).digest().subarray(0, 8).toString('hex'),
    );
    const fromString = await shareUnder(defineAgreement(base), audit, {
      pseudonymKey: key.toString('base64url'),
    });
    expect(fromString.manifest.pseudonymKeyId).toBe(manifest.pseudonymKeyId);
    await audit.close();
  });

  it('keyed pseudonyms of phone numbers cannot be reversed by enumerating numbers without the key', async () => {
    const { audit } = setup();
    const agreement = patched({
      deidentification: { ...base.deidentification, 'contact.phone': 'pseudonymize' },
    });
    const key = randomBytes(32);
    const { records } = await shareUnder(agreement, audit, { pseudonymKey: key });
    const pseudonyms = new Set(
      records.map((r) => (r.contact as { phone: string }).phone).filter(Boolean),
    );
    expect(pseudonyms.size).toBe(5);
    // Every number of the exchange, tried the ways an attacker without the key would.
    const guesses = (secret: string | Uint8Array | undefined) => {
      let hits = 0;
      for (let n = 0; n < 10_000; n++) {
        const phone = `617-555-${String(n).padStart(4, '0')}`;
        const tries = secret
          ? [createHmac('sha256', secret).update(phone).digest('base64url')]
          : [
              createHash('sha256').update(phone).digest('base64url'),
              createHmac('sha256', agreement.id).update(phone).digest('base64url'),
              createHmac('sha256', '').update(phone).digest('base64url'),
            ];
        for (const t of tries) if (pseudonyms.has(t)) hits++;
      }
      return hits;
    };
    expect(guesses(undefined)).toBe(0);
    // With the key (derived per agreement, as share() does), enumeration does find them: so the
    // zero above is the key's doing.
    const derived = createHmac('sha256', key)
      .update(`city-audit/share-key/v1\u0000${agreement.id}`)
      .digest();
    expect(guesses(derived)).toBe(5);
    await audit.close();
  });

  describe('noResharing travels with the data', () => {
    it('refuses to re-share what was received under a noResharing agreement: the result, its records, or the result after JSON', async () => {
      const { audit } = setup();
      const received = await shareUnder(defineAgreement(base), audit, {
        actor: { ...actor, department: 'BTD' },
        schema: CaseRecord,
      }).catch(() => undefined);
      expect(received).toBeUndefined(); // BTD cannot share PWD's records at all
      const result = await shareUnder(defineAgreement(base), audit);
      await audit.close();
      const onward = { ...base, id: 'dsa-onward', duties: {} };
      for (const input of [result, result.records, JSON.parse(JSON.stringify(result))]) {
        await refusedAndAudited(
          (log) => shareUnder(defineAgreement(onward), log, {}, input),
          'SHARE_RESHARING_FORBIDDEN',
        );
      }
    });

    it('re-shares data received under an agreement that allows it', async () => {
      const { audit } = setup();
      const allowing = { ...base, id: 'dsa-allows', duties: { noResharing: false } };
      const first = await shareUnder(defineAgreement(base), audit, {}, requests).then(() =>
        shareUnder(defineAgreement(allowing), audit),
      );
      expect(first.manifest.duties).toEqual({ noResharing: false });
      const again = await shareUnder(
        defineAgreement({ ...base, id: 'dsa-third' }),
        audit,
        {},
        {
          records: requests,
          manifest: first.manifest,
        },
      );
      expect(again.manifest.recordCount).toBe(5);
      await audit.close();
    });
  });
});

describe('planShare', () => {
  it('names what happens to every field, and share() does exactly that', async () => {
    const { audit } = setup();
    const agreement = defineAgreement(base);
    const planned = planShare(CaseRecord, agreement);
    expect(planned.refusal).toBeUndefined();
    expect(planned.fields.map((f) => f.path)).toEqual(fieldsOf(CaseRecord).map((f) => f.path));
    const treatment = (path: string) => planned.fields.find((f) => f.path === path)?.treatment;
    expect(treatment('lat')).toBe('generalize');
    expect(treatment('contact.email')).toBe('pseudonymize');
    expect(treatment('contact.last_name')).toBe('drop');
    expect(treatment('status')).toBe('keep');
    expect(planned.needsPseudonymKey).toBe(true);
    const { manifest } = await shareUnder(agreement, audit);
    expect(manifest.fields).toEqual(planned.leaving);
    await audit.close();
  });

  it('marks fields outside allowedFields as omitted and unruled fields above the ceiling as refused', () => {
    const narrowed = planShare(CaseRecord, patched({ allowedFields: ['id', 'status'] }));
    expect(narrowed.leaving.map((f) => f.path)).toEqual(['id', 'status']);
    expect(narrowed.fields.find((f) => f.path === 'lat')?.treatment).toBe('omitted');
    expect(narrowed.needsPseudonymKey).toBe(false);
    const loose = planShare(
      CaseRecord,
      patched({ deidentification: { ...base.deidentification, 'contact.email': undefined } }),
    );
    expect(loose.fields.find((f) => f.path === 'contact.email')?.treatment).toBe('refused');
    expect(loose.refusal).toMatchObject({ code: 'SHARE_ABOVE_CEILING' });
    expect(loose.refusal?.message).toContain('contact.email (confidential)');
  });

  it('checks recipient, purpose and actor only when it is given them; the actor may be of the provider or the recipient', () => {
    const agreement = defineAgreement(base);
    expect(planShare(CaseRecord, agreement).refusal).toBeUndefined();
    expect(planShare(CaseRecord, agreement, { purpose: 'marketing' }).refusal?.code).toBe(
      'SHARE_PURPOSE_NOT_ALLOWED',
    );
    expect(planShare(CaseRecord, agreement, { recipient: 'BPD' }).refusal?.code).toBe(
      'SHARE_WRONG_RECIPIENT',
    );
    for (const department of ['PWD', 'BTD'])
      expect(planShare(CaseRecord, agreement, { actor: { department } }).refusal).toBeUndefined();
    expect(planShare(CaseRecord, agreement, { actor: { department: 'BPD' } }).refusal?.code).toBe(
      'SHARE_WRONG_DEPARTMENT',
    );
  });
});

describe('exportPublicRecords', () => {
  it('keeps only fields tagged public and records the export; untagged fields stay home', async () => {
    const { store, audit } = setup();
    const WithUntagged = CaseRecord.extend({ note: z.string().optional() }).meta({
      id: 'CaseRecord',
    });
    const { records, manifest } = await exportPublicRecords(
      requests.map((r) => ({ ...r, note: 'internal remark' })),
      { schema: WithUntagged, audit, actor },
    );
    for (const r of records)
      expect(Object.keys(r).sort()).toEqual(['activities', 'department', 'id', 'status']);
    expect(JSON.stringify(records)).not.toContain('internal remark');
    expect(manifest.mode).toBe('public-records');
    expect(manifest.fields.every((f) => f.classification === 'public')).toBe(true);
    expect(store.events.at(-1)).toMatchObject({
      action: 'share.public-records',
      outcome: 'success',
    });
    await audit.close();
  });
});
