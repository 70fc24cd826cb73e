import { createHash } from 'node:crypto';
import { fieldsOf, ServiceRequest } from '@cityofboston/standards-schema';
import { fakeMany } from '@cityofboston/standards-schema/testing';
import { describe, expect, it } from 'vitest';
import { createAuditLog } from './createAuditLog';
import { defineAgreement } from './defineAgreement';
import { canonicalize } from './internal/canonical';
import { memoryStore } from './memoryStore';
import { exportPublicRecords, planShare, share } from './share';
import { verify } from './verify';

const requests = fakeMany(ServiceRequest, { seed: 7, count: 5 });
const actor = { type: 'user' as const, id: 'u-42', department: 'DoIT' };
const KEY = 'share-secret-for-tests';

const base = {
  id: 'dsa-2026-004',
  title: '311 street defects for BTD planning',
  provider: 'DoIT',
  recipient: 'BTD',
  datasets: ['ServiceRequest'],
  purposes: ['street-planning'],
  classificationCeiling: 'internal' as const,
  deidentification: {
    'contact.email': 'pseudonymize' as const,
    'contact.phone': 'mask' as const,
    'contact.first_name': 'truncate' as const,
    'contact.last_name': 'drop' as const,
    description: 'drop' as const,
    media_url: 'drop' as const,
    'closure.details': 'drop' as const,
    'closure.photo_url': 'drop' as const,
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
  validFrom: '2026-01-01T00:00:00Z',
  validUntil: '2027-01-01T00:00:00Z',
  duties: { deleteAfterDays: 90, noResharing: true },
  legalBasis: ['Executive Order 2025-08'],
};
const NOW = new Date('2026-06-01T12:00:00Z');

function setup() {
  const store = memoryStore();
  const audit = createAuditLog({ app: { name: 'data-office' }, store });
  return { store, audit };
}

/** `share()` under `agreement` with the tests' usual recipient, purpose, actor, key and clock. */
function shareUnder(
  agreement: ReturnType<typeof defineAgreement>,
  audit: ReturnType<typeof createAuditLog>,
  overrides: Record<string, unknown> = {},
  records: readonly unknown[] = requests,
) {
  return share(records, {
    schema: ServiceRequest,
    agreement,
    recipient: 'BTD',
    purpose: 'street-planning',
    audit,
    actor,
    pseudonymKey: KEY,
    now: NOW,
    ...overrides,
  });
}

describe('share', () => {
  it('applies each rule, records a share.export event and returns a checkable manifest', async () => {
    const { store, audit } = setup();
    const agreement = defineAgreement(base);
    const { records, manifest } = await shareUnder(agreement, audit);
    expect(records).toHaveLength(5);
    const withContact = requests.findIndex((r) => r.contact?.email && r.contact.phone);
    const shared = records[withContact] as { contact: Record<string, string>; lat?: number };
    const original = requests[withContact] as (typeof requests)[number];
    expect(shared.contact.last_name).toBeUndefined();
    expect(shared.contact.email).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(shared.contact.phone?.endsWith(original.contact?.phone?.slice(-4) as string)).toBe(true);
    expect(shared.contact.phone).toContain('*');
    expect(shared.contact.first_name).toBe(`${original.contact?.first_name?.[0]}…`);
    if (original.lat !== undefined) expect(shared.lat).toBe(Math.round(original.lat * 100) / 100);
    const bytes = JSON.stringify(records);
    for (const r of requests) {
      if (r.contact?.email) expect(bytes).not.toContain(r.contact.email);
      if (r.contact?.last_name) expect(bytes).not.toContain(`"${r.contact.last_name}"`);
      if (r.description) expect(bytes).not.toContain(r.description);
    }
    expect(manifest).toMatchObject({
      mode: 'share',
      agreementId: 'dsa-2026-004',
      recipient: 'BTD',
      purpose: 'street-planning',
      dataset: 'ServiceRequest',
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
    expect((await verify(store)).ok).toBe(true);
    await audit.close();
  });

  it('pseudonyms join within one agreement and not across agreements', async () => {
    const { audit } = setup();
    const a1 = await shareUnder(defineAgreement(base), audit);
    const a2 = await shareUnder(defineAgreement(base), audit);
    const b = await shareUnder(defineAgreement({ ...base, id: 'dsa-2026-005' }), audit);
    const emails = (r: { records: Record<string, unknown>[] }) =>
      r.records.map((x) => (x.contact as { email?: string } | undefined)?.email).filter(Boolean);
    expect(emails(a1).length).toBeGreaterThan(0);
    expect(emails(a2)).toEqual(emails(a1));
    for (const e of emails(b)) expect(emails(a1)).not.toContain(e);
    await audit.close();
  });

  it('keeps only allowedFields when the agreement lists them', async () => {
    const { audit } = setup();
    const { records, manifest } = await shareUnder(
      defineAgreement({
        ...base,
        allowedFields: ['service_request_id', 'status', 'zipcode', 'activities[].type'],
      }),
      audit,
    );
    for (const r of records) {
      for (const key of Object.keys(r))
        expect(['service_request_id', 'status', 'zipcode', 'activities']).toContain(key);
      for (const a of (r.activities as Record<string, unknown>[] | undefined) ?? [])
        expect(Object.keys(a)).toEqual(['type']);
    }
    expect(manifest.fields.map((f) => f.path).sort()).toEqual([
      'activities[].type',
      'service_request_id',
      'status',
      'zipcode',
    ]);
    await audit.close();
  });

  describe('refusals, each with its code and a denied audit event', () => {
    const cases: [string, Record<string, unknown>, Record<string, unknown>, string][] = [
      [
        'a purpose the agreement does not allow',
        {},
        { purpose: 'marketing' },
        'SHARE_PURPOSE_NOT_ALLOWED',
      ],
      [
        'an expired agreement',
        {},
        { now: new Date('2027-02-01T00:00:00Z') },
        'SHARE_AGREEMENT_EXPIRED',
      ],
      [
        'a not-yet-valid agreement',
        {},
        { now: new Date('2025-12-31T00:00:00Z') },
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
    ];
    for (const [name, agreementPatch, optionPatch, code] of cases) {
      it(`refuses ${name} with ${code}`, async () => {
        const { store, audit } = setup();
        const agreement = defineAgreement(
          JSON.parse(JSON.stringify({ ...base, ...agreementPatch })),
        );
        const error = await shareUnder(agreement, audit, optionPatch).catch((e: unknown) => e);
        expect(error).toMatchObject({ code });
        expect(store.events.at(-1)).toMatchObject({ action: 'share.export', outcome: 'denied' });
        expect(store.events.at(-1)?.reason).toContain(code);
        // planShare foresees the same refusal, with the same message, and records nothing.
        const before = store.events.length;
        const planned = planShare(ServiceRequest, agreement, {
          recipient: 'BTD',
          purpose: 'street-planning',
          now: NOW,
          ...optionPatch,
        });
        expect(planned.refusal?.code).toBe(code);
        expect((error as Error).message).toBe(`share refused: ${planned.refusal?.message}`);
        expect(store.events.length).toBe(before);
        await audit.close();
      });
    }
  });

  it('rejects an invalid agreement with INVALID_AGREEMENT naming the field', () => {
    expect(() => defineAgreement({ ...base, purposes: [] })).toThrow(
      expect.objectContaining({ code: 'INVALID_AGREEMENT' }),
    );
    try {
      defineAgreement({ ...base, validUntil: '2025-01-01T00:00:00Z' });
    } catch (e) {
      expect((e as { issues: { path: unknown[] }[] }).issues[0]?.path).toEqual(['validUntil']);
    }
  });

  it('rejects a record that does not match the schema with SHARE_INVALID_RECORD', async () => {
    const { audit } = setup();
    await expect(
      shareUnder(defineAgreement(base), audit, {}, [{ nope: true }]),
    ).rejects.toMatchObject({ code: 'SHARE_INVALID_RECORD' });
    await audit.close();
  });
});

describe('planShare', () => {
  it('names what happens to every field, and share() does exactly that', async () => {
    const { audit } = setup();
    const agreement = defineAgreement(base);
    const planned = planShare(ServiceRequest, agreement, { now: NOW });
    expect(planned.refusal).toBeUndefined();
    expect(planned.fields.map((f) => f.path)).toEqual(fieldsOf(ServiceRequest).map((f) => f.path));
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
    const narrowed = planShare(
      ServiceRequest,
      defineAgreement({ ...base, allowedFields: ['service_request_id', 'status'] }),
      { now: NOW },
    );
    expect(narrowed.leaving.map((f) => f.path)).toEqual(['service_request_id', 'status']);
    expect(narrowed.fields.find((f) => f.path === 'lat')?.treatment).toBe('omitted');
    expect(narrowed.needsPseudonymKey).toBe(false);

    const loose = planShare(
      ServiceRequest,
      defineAgreement(
        JSON.parse(
          JSON.stringify({
            ...base,
            deidentification: { ...base.deidentification, 'contact.email': undefined },
          }),
        ),
      ),
      { now: NOW },
    );
    expect(loose.fields.find((f) => f.path === 'contact.email')?.treatment).toBe('refused');
    expect(loose.leaving.some((f) => f.path === 'contact.email')).toBe(false);
    expect(loose.refusal).toMatchObject({ code: 'SHARE_ABOVE_CEILING' });
    expect(loose.refusal?.message).toContain('contact.email (confidential)');
  });

  it('checks recipient and purpose only when it is given them', () => {
    const agreement = defineAgreement(base);
    expect(planShare(ServiceRequest, agreement, { now: NOW }).refusal).toBeUndefined();
    expect(
      planShare(ServiceRequest, agreement, { now: NOW, purpose: 'marketing' }).refusal?.code,
    ).toBe('SHARE_PURPOSE_NOT_ALLOWED');
    expect(planShare(ServiceRequest, agreement, { now: NOW, recipient: 'BPD' }).refusal?.code).toBe(
      'SHARE_WRONG_RECIPIENT',
    );
  });
});

describe('exportPublicRecords', () => {
  it('keeps only public fields and records the export', async () => {
    const { store, audit } = setup();
    const { records, manifest } = await exportPublicRecords(requests, {
      schema: ServiceRequest,
      audit,
      actor,
    });
    const publicPaths = new Set(
      fieldsOf(ServiceRequest)
        .filter((f) => f.meta.classification === 'public')
        .map((f) => f.path),
    );
    for (const r of records) {
      expect(r).not.toHaveProperty('contact');
      expect(r).not.toHaveProperty('address');
      expect(r).not.toHaveProperty('lat');
      expect(r).not.toHaveProperty('description');
      for (const key of Object.keys(r)) {
        expect(
          [...publicPaths].some(
            (p) => p === key || p.startsWith(`${key}.`) || p.startsWith(`${key}[]`),
          ),
        ).toBe(true);
      }
    }
    expect(manifest.mode).toBe('public-records');
    expect(manifest.fields.every((f) => f.classification === 'public')).toBe(true);
    expect(store.events.at(-1)).toMatchObject({
      action: 'share.public-records',
      outcome: 'success',
    });
    await audit.close();
  });
});
