import { readFileSync } from 'node:fs';
import type { AppInfo } from '../src/server/config';
import { criterionOfTag, type Evidence } from './evidence';

/** The conformance level a draft gives a criterion no automated evidence can decide. */
export const AWAITING_REVIEW = 'awaiting-manual-review';

interface Catalog {
  title: string;
  standards: { id: string; label: string; url: string }[];
  chapters: {
    id: string;
    label: string;
    short_label: string;
    criteria: { id: string; handle: string }[];
  }[];
  terms: { id: string; label: string; description: string }[];
}

/** The VPAT 2.5 WCAG 2.2 catalog (GSA OpenACR), vendored in schemas/. */
export function readCatalog(): Catalog {
  return JSON.parse(
    readFileSync(new URL('./schemas/vpat-2.5-wcag-2.2-catalog.json', import.meta.url), 'utf8'),
  ) as Catalog;
}

/** Criteria the keyboard-only flows give evidence for (not proof: a reviewer decides). */
const KEYBOARD_CRITERIA = new Set(['2.1.1', '2.1.2', '2.4.3', '2.4.7']);

/** An OpenACR document (GSA's schema openacr-0.1.0). */
export interface OpenAcr {
  title: string;
  product: { name: string; version?: string; description?: string };
  author: { name?: string; company_name?: string; email: string; website?: string };
  vendor: { name?: string; company_name?: string; email: string; website?: string };
  report_date: string;
  version: number;
  notes: string;
  evaluation_methods_used: string;
  legal_disclaimer: string;
  license: string;
  chapters: Record<
    string,
    {
      notes?: string;
      disabled?: boolean;
      criteria: {
        num: string;
        components: { name: string; adherence: { level: string; notes: string } }[];
      }[];
    }
  >;
}

/**
 * The Accessibility Conformance Report, filled only from evidence:
 * - a criterion with an axe violation on any page: `does-not-support`, with the rules and pages;
 * - 4.1.1 Parsing: `supports`, as WCAG 2.2 states it is always satisfied for HTML;
 * - every other A/AA criterion: `awaiting-manual-review`, with what automation did check;
 * - AAA: `not-evaluated` (VPAT allows it only there).
 * Nothing undecided is claimed as supported; while any criterion awaits review the report is a
 * draft, and says so in its title and notes.
 */
export function buildAcr(
  info: AppInfo,
  version: string,
  evidence: Evidence,
  date: string,
): OpenAcr {
  const catalog = readCatalog();
  const failed = new Map<string, string[]>();
  const passed = new Map<string, Set<string>>();
  const unsure = new Map<string, Set<string>>();
  const absent = new Map<string, Set<string>>();
  for (const page of evidence.pages) {
    for (const v of page.violations) {
      for (const sc of v.tags.map(criterionOfTag).filter(Boolean) as string[]) {
        const list = failed.get(sc) ?? [];
        list.push(`axe ${v.id} on "${page.page}" (${v.targets.length} element(s))`);
        failed.set(sc, list);
      }
    }
    for (const [rules, into] of [
      [page.passes, passed],
      [page.incomplete, unsure],
      [page.inapplicable, absent],
    ] as const) {
      for (const rule of rules) {
        for (const sc of rule.tags.map(criterionOfTag).filter(Boolean) as string[]) {
          const set = into.get(sc) ?? new Set<string>();
          set.add(rule.id);
          into.set(sc, set);
        }
      }
    }
  }
  const keyboardPassed = evidence.keyboard.filter((k) => k.passed).map((k) => `"${k.flow}"`);
  const keyboardFailed = evidence.keyboard.filter((k) => !k.passed).map((k) => `"${k.flow}"`);

  let awaiting = 0;
  const chapters: OpenAcr['chapters'] = {};
  for (const chapter of catalog.chapters) {
    const aaa = chapter.id === 'success_criteria_level_aaa';
    chapters[chapter.id] = {
      criteria: chapter.criteria.map(({ id }) => {
        const fails = failed.get(id);
        const rules = [...(passed.get(id) ?? [])].sort();
        const list = (m: Map<string, Set<string>>) => [...(m.get(id) ?? [])].sort().join(', ');
        const parts = [
          rules.length
            ? `Automated: axe ${evidence.axeVersion} rules ${rules.join(', ')} found no failures on ${evidence.pages.length} page states.`
            : '',
          unsure.has(id) ? `axe could not decide ${list(unsure)}: a person must check.` : '',
          absent.has(id) && !rules.length
            ? `axe rules ${list(absent)} found nothing to check on the pages tested.`
            : '',
        ].filter(Boolean);
        const automated = parts.length
          ? parts.join(' ')
          : 'No automated check covers this criterion.';
        const keys = KEYBOARD_CRITERIA.has(id)
          ? keyboardFailed.length
            ? ` Keyboard-only flow failed: ${keyboardFailed.join(', ')}.`
            : keyboardPassed.length
              ? ` Keyboard-only flow completed: ${keyboardPassed.join(', ')}.`
              : ''
          : '';
        let level: string;
        let notes: string;
        if (fails) {
          level = 'does-not-support';
          notes = `Failures found: ${fails.join('; ')}.`;
        } else if (id === '4.1.1') {
          level = 'supports';
          notes =
            'WCAG 2.2 notes that 4.1.1 Parsing is always satisfied for content in HTML or XML; the app is HTML.';
        } else if (aaa) {
          level = 'not-evaluated';
          notes = `Not evaluated (Level AAA). ${automated}`;
        } else {
          level = AWAITING_REVIEW;
          awaiting++;
          notes = `Not evaluated: manual review needed. ${automated}${keys}`;
        }
        return { num: id, components: [{ name: 'web', adherence: { level, notes } }] };
      }),
    };
  }
  const draft = awaiting > 0;
  const pages = evidence.pages.map((p) => `${p.page} (${p.path})`).join('; ');
  const contact = {
    name: info.department.name,
    company_name: info.municipality.name,
    email: `accessibility@${info.municipality.domain}`,
    website: `https://www.${info.municipality.domain}`,
  };
  return {
    title: `${draft ? 'DRAFT: ' : ''}${info.municipality.name} Accessibility Conformance Report for ${info.title}`,
    product: {
      name: info.title,
      version,
      description: `${info.title}, a ${info.department.name} web application built on the City SDK.`,
    },
    author: contact,
    vendor: contact,
    report_date: date,
    version: 1,
    notes: draft
      ? `DRAFT: ${awaiting} Level A/AA criteria await manual review; until a reviewer records a conformance level for each, this report makes no claim of conformance for them.`
      : 'Every Level A/AA criterion has a recorded conformance level.',
    evaluation_methods_used: `Generated by npm run compliance from the app's end-to-end tests on ${evidence.generatedAt}: axe-core ${evidence.axeVersion} with the WCAG 2.0/2.1/2.2 A and AA rules in Chromium on every page state (${pages}); keyboard-only flows (${evidence.keyboard.map((k) => k.flow).join('; ') || 'none'}). Automated checks find some failures and cannot confirm conformance; criteria they cannot decide await manual review.`,
    legal_disclaimer:
      'This report describes the state of the application at the time of the tests named above. It is generated from automated evidence and is a draft until reviewed.',
    license: 'CC-BY-4.0',
    chapters,
  };
}

/** The catalog terms (plus the draft-only level) as labels. */
export function levelLabel(level: string): string {
  if (level === AWAITING_REVIEW) return 'Not Evaluated: manual review needed';
  return readCatalog().terms.find((t) => t.id === level)?.label ?? level;
}

/**
 * Checks beyond the JSON Schema: every level is a catalog term (or the draft-only
 * `awaiting-manual-review`), `not-evaluated` only at AAA, and a draft says so.
 */
export function acrRuleProblems(acr: OpenAcr): string[] {
  const catalog = readCatalog();
  const terms = new Set(catalog.terms.map((t) => t.id));
  const problems: string[] = [];
  let awaiting = 0;
  for (const chapter of catalog.chapters) {
    const got = acr.chapters[chapter.id];
    if (!got) {
      problems.push(`chapter ${chapter.id} is missing`);
      continue;
    }
    const nums = new Set(got.criteria.map((c) => c.num));
    for (const c of chapter.criteria)
      if (!nums.has(c.id)) problems.push(`criterion ${c.id} is missing`);
    for (const c of got.criteria) {
      for (const comp of c.components) {
        const level = comp.adherence.level;
        if (level === AWAITING_REVIEW) awaiting++;
        else if (!terms.has(level)) problems.push(`${c.num}: "${level}" is not a catalog term`);
        if (level === 'not-evaluated' && chapter.id !== 'success_criteria_level_aaa') {
          problems.push(`${c.num}: "not-evaluated" is allowed only for Level AAA`);
        }
      }
    }
  }
  if (awaiting > 0 && !acr.title.startsWith('DRAFT'))
    problems.push('a report awaiting review must be titled DRAFT');
  return problems;
}
