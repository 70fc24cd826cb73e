import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classified, type FieldMeta } from './classified';
import { classificationOf, fieldsOf } from './fieldsOf';

const conf: FieldMeta = {
  classification: 'confidential',
  pii: { category: 'contact.email', kind: 'direct' },
  redact: 'mask',
};
const restricted: FieldMeta = { classification: 'restricted', redact: 'drop' };
const note: FieldMeta = {
  classification: 'confidential',
  pii: { category: 'freeText', kind: 'quasi' },
};

const Case = z.object({
  id: z.string(),
  contact: z
    .object({
      email: classified(z.email(), conf).optional(),
      phone: classified(z.string(), { classification: 'confidential' }).nullable(),
    })
    .optional(),
  piped: classified(z.string(), restricted).pipe(z.string().min(1)),
  defaulted: classified(z.string(), { classification: 'internal' }).default('x'),
  activities: z.array(z.object({ at: z.string(), note: classified(z.string(), note) })),
  tags: classified(z.array(z.string()), { classification: 'internal' }),
  choice: z.union([
    z.object({ kind: z.literal('a'), secret: classified(z.string(), restricted) }),
    z.object({ kind: z.literal('b') }),
  ]),
  attributes: z.record(z.string(), z.object({ value: classified(z.string(), note) })),
  outer: classified(z.object({ inner: z.string() }), { classification: 'internal' }),
});

describe('fieldsOf', () => {
  const fields = new Map(fieldsOf(Case).map((f) => [f.path, f]));

  it('reads metadata through optional, nullable, pipe and default wrappers', () => {
    expect(fields.get('contact.email')).toEqual({
      path: 'contact.email',
      meta: conf,
      optional: true,
      tagged: true,
    });
    expect(fields.get('contact.phone')?.meta.classification).toBe('confidential');
    expect(fields.get('piped')?.meta).toEqual(restricted);
    expect(fields.get('defaulted')).toMatchObject({
      optional: false,
      meta: { classification: 'internal' },
    });
  });

  it('marks fields under an optional parent optional', () => {
    expect(fields.get('contact.phone')?.optional).toBe(true);
    expect(fields.get('id')?.optional).toBe(false);
  });

  it('names array items with [] and record values with *', () => {
    expect(fields.get('activities[].note')?.meta).toEqual(note);
    expect(fields.get('activities[].at')?.meta.classification).toBe('public');
    expect(fields.get('attributes.*.value')?.meta).toEqual(note);
    expect(fields.get('tags')?.meta.classification).toBe('internal');
  });

  it('merges union options; a field in only some options is optional', () => {
    expect(fields.get('choice.secret')).toEqual({
      path: 'choice.secret',
      meta: restricted,
      optional: true,
      tagged: true,
    });
    expect(fields.get('choice.kind')?.optional).toBe(false);
  });

  it('tells an untagged field (public by default) from one tagged public', () => {
    expect(fields.get('id')).toMatchObject({ meta: { classification: 'public' }, tagged: false });
    const Tagged = z.object({ id: classified(z.string(), { classification: 'public' }) });
    expect(fieldsOf(Tagged)[0]).toMatchObject({ meta: { classification: 'public' }, tagged: true });
    expect(fields.get('outer.inner')?.tagged).toBe(true);
  });

  it('lets a classified object pass its level to untagged children', () => {
    expect(fields.get('outer.inner')?.meta.classification).toBe('internal');
  });

  it('never lets a child be less protected than its classified container', () => {
    const Nested = z.object({
      box: classified(
        z.object({ low: classified(z.string(), { classification: 'public', redact: 'mask' }) }),
        { classification: 'confidential' },
      ),
    });
    expect(fieldsOf(Nested)).toEqual([
      {
        path: 'box.low',
        meta: { classification: 'confidential', redact: 'mask' },
        optional: false,
        tagged: true,
      },
    ]);
  });

  it('handles recursive schemas through z.lazy', () => {
    const Node: z.ZodType<{ name: string; children: unknown[] }> = z.lazy(() =>
      z.object({
        name: classified(z.string(), { classification: 'internal' }),
        children: z.array(Node),
      }),
    );
    const paths = fieldsOf(Node).map((f) => f.path);
    expect(paths).toContain('name');
    expect(paths).toContain('children[]');
    expect(classificationOf(Node)).toBe('internal');
  });
});

describe('classificationOf', () => {
  it('is the highest level of any field', () => {
    expect(classificationOf(Case)).toBe('restricted');
    expect(classificationOf(z.object({ a: z.string() }))).toBe('public');
    expect(
      classificationOf(
        z.object({ a: classified(z.string(), { classification: 'internal' }).optional() }),
      ),
    ).toBe('internal');
  });
});
