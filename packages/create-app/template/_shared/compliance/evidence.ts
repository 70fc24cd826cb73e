import { existsSync, readFileSync } from 'node:fs';

/** What the end-to-end tests recorded (test/helpers.ts `writeEvidence`). */
export interface Evidence {
  generatedAt: string;
  axeVersion: string;
  pages: {
    page: string;
    path: string;
    violations: { id: string; impact: string | null; tags: string[]; targets: string[] }[];
    passes: { id: string; tags: string[] }[];
    incomplete: { id: string; tags: string[] }[];
    inapplicable: { id: string; tags: string[] }[];
  }[];
  keyboard: { flow: string; steps: string[]; passed: boolean }[];
}

export const EVIDENCE_FILE = 'test-results/accessibility.json';

/** The recorded evidence, or undefined when the tests have not run. */
export function readEvidence(): Evidence | undefined {
  if (!existsSync(EVIDENCE_FILE)) return undefined;
  return JSON.parse(readFileSync(EVIDENCE_FILE, 'utf8')) as Evidence;
}

/** `wcag1410` to `1.4.10`; undefined for tags that are not a success criterion. */
export function criterionOfTag(tag: string): string | undefined {
  const m = /^wcag(\d)(\d)(\d{1,2})$/.exec(tag);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : undefined;
}
