// Fails when a change lowers any exported field's classification or drops its PII metadata.
// After a deliberate, reviewed change (or to record new fields), regenerate the snapshot:
//   UPDATE_CLASSIFICATION_SNAPSHOT=1 npx vitest run src/classification-guard.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type ClassificationSnapshot,
  compareSnapshots,
  currentSnapshot,
} from './internal/classificationGuard';

const file = join(import.meta.dirname, 'fieldsOf.classification.snap');

describe('classification guard (fieldsOf snapshot of every exported schema)', () => {
  const current = currentSnapshot();
  if (process.env.UPDATE_CLASSIFICATION_SNAPSHOT === '1')
    writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);

  it('has a checked-in snapshot', () => {
    expect(existsSync(file)).toBe(true);
  });

  it('no field is less protected than the snapshot, and none lost its PII metadata', () => {
    const recorded = JSON.parse(readFileSync(file, 'utf8')) as ClassificationSnapshot;
    const { lowered } = compareSnapshots(current, recorded);
    expect(lowered).toEqual([]);
  });

  it('the snapshot is up to date (new or changed fields are recorded after review)', () => {
    const recorded = JSON.parse(readFileSync(file, 'utf8')) as ClassificationSnapshot;
    expect(compareSnapshots(current, recorded).changed).toEqual([]);
  });

  it('catches a lowered level, a dropped PII tag and a removed field', () => {
    const recorded: ClassificationSnapshot = {
      ServiceRequest: {
        'contact.email': {
          classification: 'confidential',
          pii: { category: 'contact.email', kind: 'direct' },
        },
        'contact.phone': {
          classification: 'confidential',
          pii: { category: 'contact.phone', kind: 'direct' },
        },
        'contact.fax': { classification: 'confidential' },
      },
    };
    const tampered: ClassificationSnapshot = {
      ServiceRequest: {
        'contact.email': {
          classification: 'internal',
          pii: { category: 'contact.email', kind: 'direct' },
        },
        'contact.phone': { classification: 'confidential' },
      },
    };
    expect(compareSnapshots(tampered, recorded).lowered).toEqual([
      'ServiceRequest.contact.email: classification lowered from confidential to internal',
      'ServiceRequest.contact.phone: PII metadata (contact.phone) dropped',
      'ServiceRequest.contact.fax: field removed or renamed (was confidential)',
    ]);
  });
});
