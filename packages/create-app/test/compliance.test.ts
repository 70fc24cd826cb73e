// The generated app's compliance code, tested here against the published schemas it vendors:
// the conformance report claims nothing without evidence, and publiccode.yml follows the standard.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { AWAITING_REVIEW, acrRuleProblems, buildAcr } from '../template/_shared/compliance/acr';
import { renderAcrHtml } from '../template/_shared/compliance/acrHtml';
import type { Evidence } from '../template/_shared/compliance/evidence';
import { buildInventory } from '../template/_shared/compliance/inventory';
import { buildPubliccode, publiccodeProblems } from '../template/_shared/compliance/publiccode';
import { validatorFor } from '../template/_shared/compliance/validate';

const info = {
  name: 'permit-tracker',
  title: 'Permit Tracker',
  department: { code: 'ISD', name: 'Inspectional Services Department' },
  municipality: { name: 'City of Boston', shortName: 'Boston', domain: 'boston.gov' },
};
const page = (name: string, extra: Partial<Evidence['pages'][number]> = {}) => ({
  page: name,
  path: '/x',
  violations: [],
  passes: [
    { id: 'html-has-lang', tags: ['wcag2a', 'wcag311'] },
    { id: 'color-contrast', tags: ['wcag2aa', 'wcag143'] },
  ],
  incomplete: [],
  inapplicable: [],
  ...extra,
});
const evidence = (pages: Evidence['pages'], passed = true): Evidence => ({
  generatedAt: '2026-01-01T00:00:00.000Z',
  axeVersion: '4.14.1',
  pages,
  keyboard: [{ flow: 'Create a request', steps: ['Tab'], passed }],
});
const levelOf = (acr: ReturnType<typeof buildAcr>, num: string) =>
  Object.values(acr.chapters)
    .flatMap((c) => c.criteria)
    .find((c) => c.num === num)?.components[0]?.adherence;

describe('the conformance report (OpenACR, VPAT 2.5 WCAG 2.2)', () => {
  const validate = validatorFor('openacr-0.1.0.json');

  it('lists every A, AA and AAA criterion, valid against the OpenACR schema and catalog', () => {
    const acr = buildAcr(info, '1.0.0', evidence([page('Home')]), '2026-01-01');
    expect(validate(acr)).toEqual([]);
    expect(acrRuleProblems(acr)).toEqual([]);
    expect(acr.chapters.success_criteria_level_a?.criteria).toHaveLength(32);
    expect(acr.chapters.success_criteria_level_aa?.criteria).toHaveLength(24);
    expect(acr.chapters.success_criteria_level_aaa?.criteria).toHaveLength(31);
  });

  it('never claims support from passing automated checks: undecided A/AA criteria await review', () => {
    const acr = buildAcr(info, '1.0.0', evidence([page('Home')]), '2026-01-01');
    const contrast = levelOf(acr, '1.4.3');
    expect(contrast?.level).toBe(AWAITING_REVIEW);
    expect(contrast?.notes).toMatch(/^Not evaluated: manual review needed\. .*color-contrast/);
    expect(levelOf(acr, '2.1.1')?.notes).toMatch(/Keyboard-only flow completed/);
    const supported = Object.values(acr.chapters)
      .flatMap((c) => c.criteria)
      .filter((c) => c.components[0]?.adherence.level === 'supports')
      .map((c) => c.num);
    expect(supported).toEqual(['4.1.1']);
    expect(acr.title).toMatch(/^DRAFT: /);
    expect(levelOf(acr, '1.4.6')?.level).toBe('not-evaluated');
  });

  it('records a violation as does-not-support, with the rule and the page', () => {
    const failing = page('Form', {
      violations: [
        { id: 'color-contrast', impact: 'serious', tags: ['wcag2aa', 'wcag143'], targets: ['p'] },
      ],
    });
    const acr = buildAcr(info, '1.0.0', evidence([page('Home'), failing]), '2026-01-01');
    expect(levelOf(acr, '1.4.3')).toEqual({
      level: 'does-not-support',
      notes: 'Failures found: axe color-contrast on "Form" (1 element(s)).',
    });
    expect(validate(acr)).toEqual([]);
  });

  it('says when a keyboard flow failed', () => {
    const acr = buildAcr(info, '1.0.0', evidence([page('Home')], false), '2026-01-01');
    expect(levelOf(acr, '2.1.1')?.notes).toMatch(/Keyboard-only flow failed/);
  });

  it('rejects a report that uses not-evaluated below AAA or hides that it is a draft', () => {
    const acr = buildAcr(info, '1.0.0', evidence([page('Home')]), '2026-01-01');
    const tampered = structuredClone(acr);
    const first = tampered.chapters.success_criteria_level_a?.criteria[0]?.components[0];
    if (first) first.adherence.level = 'not-evaluated';
    tampered.title = tampered.title.replace('DRAFT: ', '');
    expect(acrRuleProblems(tampered)).toEqual([
      '1.1.1: "not-evaluated" is allowed only for Level AAA',
      'a report awaiting review must be titled DRAFT',
    ]);
  });

  it('renders the VPAT tables, marked draft', () => {
    const html = renderAcrHtml(buildAcr(info, '1.0.0', evidence([page('Home')]), '2026-01-01'));
    expect(html).toContain('Table 1: Success Criteria, Level A');
    expect(html).toContain('Table 2: Success Criteria, Level AA');
    expect(html).toContain('<th scope="col">Remarks and Explanations</th>');
    expect(html).toContain('Not Evaluated: manual review needed');
    expect(html).toMatch(/class="draft"/);
  });
});

describe('publiccode.yml', () => {
  it('accepts the standard’s own full example', () => {
    const example = YAML.parse(
      readFileSync(new URL('./fixtures/publiccode.example.yml', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    expect(publiccodeProblems(example)).toEqual([]);
  });

  it('writes a valid document for the app', () => {
    expect(publiccodeProblems(buildPubliccode(info, { version: '0.1.0' }))).toEqual([]);
  });

  it('applies the schema’s lengths and the standard’s rules the schema cannot express', () => {
    const doc = buildPubliccode(info, { version: '0.1.0' });
    const description = doc.description as Record<string, Record<string, unknown>>;
    const en = description.en ?? {};
    en.longDescription = 'Too short.';
    en.shortDescription = 'x'.repeat(151);
    en.features = [];
    doc.maintenance = { type: 'internal' };
    expect(publiccodeProblems(doc)).toEqual([
      '/description/en/shortDescription must NOT have more than 150 characters',
      '/description/en/longDescription must NOT have fewer than 150 characters',
      'description: features are mandatory for at least one language',
      'maintenance/contacts is mandatory when maintenance/type is internal or community',
    ]);
  });

  it('rejects what the published schema rejects', () => {
    const doc = { ...buildPubliccode(info, { version: '0.1.0' }), developmentStatus: 'done' };
    expect(publiccodeProblems(doc).join('\n')).toMatch(/developmentStatus/);
  });
});

describe('the data inventory', () => {
  it('lists each stored field with its classification, PII category and redaction', () => {
    const inventory = buildInventory('permit-tracker', '2026-01-01T00:00:00.000Z');
    const requests = inventory.stores.find((s) => s.schema === 'WorkRequest');
    expect(requests?.level).toBe('confidential');
    expect(requests?.fields.find((f) => f.path === 'requesterEmail')?.meta).toEqual({
      classification: 'confidential',
      pii: { category: 'contact.email', kind: 'direct' },
      redact: 'hash',
    });
    expect(inventory.level).toBe('confidential');
  });
});
