// The publisher chain of a real DCAT-US 1.1 record (GSA's ckanext-datajson arm.data.json): the
// official schema's organization is recursive ("subOrganizationOf": {"$ref": "#"}), so every
// level is kept, and everything that walks the schema terminates on it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classified } from '../classified';
import { fieldsOf } from '../fieldsOf';
import { jsonSchemaOf, openApiComponents } from '../json-schema';
import { redact } from '../redact';
import { validateMany } from '../validateMany';
import { DcatOrganization } from './DcatOrganization';
import { migrateDcatUs11To3 } from './DcatUs3';
import { DcatDataset } from './DcatUs11';

const samples = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', 'conformance', 'dcat', 'ckanext-datajson-samples.json'),
    'utf8',
  ),
) as { records: { record: Record<string, unknown> }[] };
const arm = samples.records[0]?.record as Record<string, unknown> & {
  publisher: DcatOrganization;
};

describe('DcatOrganization (recursive publisher)', () => {
  it('keeps the ARM record’s four-level publisher chain byte for byte', () => {
    expect(arm.publisher.subOrganizationOf?.subOrganizationOf?.subOrganizationOf?.name).toBe(
      'U.S. Government',
    );
    const parsed = DcatDataset.parse(arm);
    expect(JSON.stringify(parsed.publisher)).toBe(JSON.stringify(arm.publisher));
    expect(JSON.stringify(redact(DcatDataset, parsed, { clearance: 'public' }).publisher)).toBe(
      JSON.stringify(arm.publisher),
    );
  });

  it('keeps the chain on the bulk path too (validateMany on every sample)', () => {
    const records = samples.records.map((entry) => entry.record);
    const { valid, invalid } = validateMany(DcatDataset, records);
    expect(invalid).toEqual([]);
    expect(valid.map((d) => JSON.stringify(d.publisher))).toEqual(
      records.map((r) => JSON.stringify(r.publisher)),
    );
  });

  it('keeps @type at every level and checks every level', () => {
    const chain = {
      '@type': 'org:Organization',
      name: 'Analyze Boston',
      subOrganizationOf: {
        '@type': 'org:Organization',
        name: 'Department of Innovation and Technology',
        subOrganizationOf: { '@type': 'org:Organization', name: 'City of Boston' },
      },
    };
    expect(DcatOrganization.parse(chain)).toEqual(chain);
    const deep = structuredClone(chain);
    deep.subOrganizationOf.subOrganizationOf.name = '';
    expect(DcatOrganization.safeParse(deep).error?.issues[0]?.path).toEqual([
      'subOrganizationOf',
      'subOrganizationOf',
      'name',
    ]);
    const wrongType = structuredClone(chain);
    wrongType.subOrganizationOf['@type'] = 'foaf:Agent';
    expect(DcatOrganization.safeParse(wrongType).error?.issues[0]?.path).toEqual([
      'subOrganizationOf',
      '@type',
    ]);
  });

  it('lists the recursive field once in fieldsOf, tagged public', () => {
    const publisher = fieldsOf(DcatDataset).filter((f) => f.path.startsWith('publisher'));
    expect(publisher.map((f) => [f.path, f.meta.classification, f.tagged, f.optional])).toEqual([
      ['publisher.@type', 'public', true, true],
      ['publisher.name', 'public', true, false],
      ['publisher.subOrganizationOf', 'public', true, true],
    ]);
  });

  it('exports one self-referencing JSON Schema definition, not an expansion', () => {
    const doc = jsonSchemaOf('DcatDataset') as {
      $defs: Record<string, { properties: Record<string, unknown> }>;
    };
    expect(doc.$defs.DcatUsDataset?.properties.publisher).toEqual({
      $ref: '#/$defs/DcatUsOrganization',
    });
    expect(doc.$defs.DcatUsOrganization?.properties.subOrganizationOf).toEqual({
      $ref: '#/$defs/DcatUsOrganization',
    });
    const components = (
      openApiComponents() as {
        components: { schemas: Record<string, { properties: Record<string, unknown> }> };
      }
    ).components.schemas;
    expect(components.DcatUsOrganization?.properties.subOrganizationOf).toEqual({
      $ref: '#/components/schemas/DcatUsOrganization',
    });
  });

  it('says the migration to DCAT-US 3.0 does not carry the parent organizations (nor the federal codes)', () => {
    expect(migrateDcatUs11To3(DcatDataset.parse(arm)).dropped).toEqual(
      expect.arrayContaining(['publisher.subOrganizationOf', 'bureauCode', 'programCode']),
    );
  });
});

describe('redact and fieldsOf on a recursive schema with personal data at every level', () => {
  // A thread of notes, each with replies: the personal field repeats at any depth.
  interface Note {
    author: string;
    topic: string;
    replies?: Note[] | undefined;
  }
  const Note: z.ZodType<Note, Note> = z.object({
    author: classified(z.string(), {
      classification: 'confidential',
      pii: { category: 'identity.name', kind: 'direct' },
    }),
    topic: classified(z.string(), { classification: 'public' }),
    get replies() {
      return z.array(Note).optional();
    },
  });

  it('redacts the field at every depth and terminates', () => {
    const thread: Note = {
      author: 'A',
      topic: 'pothole',
      replies: [{ author: 'B', topic: 'fixed', replies: [{ author: 'C', topic: 'thanks' }] }],
    };
    expect(redact(Note, Note.parse(thread), { clearance: 'public' })).toEqual({
      topic: 'pothole',
      replies: [{ topic: 'fixed', replies: [{ topic: 'thanks' }] }],
    });
    expect(fieldsOf(Note).map((f) => f.path)).toEqual(['author', 'topic', 'replies[]']);
    // An unnamed recursive schema exports as a self-reference too, not an endless expansion.
    const doc = JSON.stringify(jsonSchemaOf(Note));
    expect(doc).toMatch(/"\$ref":"#/);
    expect(doc).toContain('"x-pii-category":"identity.name"');
  });
});
