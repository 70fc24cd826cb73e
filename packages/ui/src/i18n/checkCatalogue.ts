import type { Catalogue, Message, MessageKey, PluralMessage } from './catalogue.types.js';
import { en } from './locales/en.js';
import { PENDING_TRANSLATIONS } from './pending.js';
import { pluralCategories } from './plural.js';

/** What {@link checkCatalogue} reports. */
export const CATALOGUE_ISSUE_CODES = [
  'missing-key',
  'unknown-key',
  'same-as-english',
  'stale-identical',
  'not-plural',
  'plural-category-missing',
  'plural-category-unused',
  'placeholder-mismatch',
] as const;

/** One of {@link CATALOGUE_ISSUE_CODES}. */
export type CatalogueIssueCode = (typeof CATALOGUE_ISSUE_CODES)[number];

/** A problem with one key of one catalogue. */
export interface CatalogueIssue {
  code: CatalogueIssueCode;
  locale: string;
  key: string;
  message: string;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

const texts = (message: Message): string[] =>
  typeof message === 'string' ? [message] : Object.values(message);

/**
 * Checks a catalogue against English: every key present (or listed as pending), no unknown key,
 * no text equal to English unless listed in `identical`, plural messages with exactly the
 * language's CLDR plural categories, and the same `{placeholders}` as English (a plural text may
 * leave out `{count}`, as Arabic does for one and two). An app adding a language runs it in its
 * tests.
 * @example expect(checkCatalogue(myCatalogue)).toEqual([])
 */
export function checkCatalogue(
  catalogue: Catalogue,
  pending: Readonly<Partial<Record<MessageKey, string>>> = PENDING_TRANSLATIONS,
): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const { locale, messages } = catalogue;
  const add = (code: CatalogueIssueCode, key: string, message: string) =>
    issues.push({ code, locale, key, message: `${locale} ${key}: ${message}` });
  const categories = pluralCategories(locale);
  const identical = new Set<string>(catalogue.identical ?? []);

  for (const key of Object.keys(messages)) {
    if (!(key in en)) add('unknown-key', key, 'not an English key (a typo, or a removed key)');
  }
  for (const key of Object.keys(en) as MessageKey[]) {
    const source: Message = en[key];
    const message: Message | undefined = messages[key];
    if (message === undefined) {
      if (!(key in pending)) add('missing-key', key, 'no translation, and not listed as pending');
      continue;
    }
    if (typeof source === 'object' && typeof message !== 'object') {
      add('not-plural', key, 'English is a plural message; this is plain text');
      continue;
    }
    if (typeof source === 'string' && typeof message !== 'string') {
      add('not-plural', key, 'English is plain text; this is a plural message');
      continue;
    }
    if (locale !== 'en') {
      const same = JSON.stringify(message) === JSON.stringify(source);
      if (same && !identical.has(key))
        add('same-as-english', key, 'equals English; translate it or list it in `identical`');
      if (!same && identical.has(key))
        add('stale-identical', key, 'listed in `identical` but differs from English');
    }
    if (typeof message === 'object') {
      const plural = message as PluralMessage;
      for (const c of categories)
        if (plural[c] === undefined)
          add('plural-category-missing', key, `lacks the CLDR plural category "${c}"`);
      for (const c of Object.keys(plural))
        if (!categories.includes(c as Intl.LDMLPluralRule))
          add('plural-category-unused', key, `"${c}" is not a plural category of ${locale}`);
    }
    const expected = [...new Set(texts(source).flatMap(placeholders))].sort();
    for (const text of texts(message)) {
      const found = [...new Set(placeholders(text))];
      const missing = expected.filter(
        (p) => !found.includes(p) && !(typeof message === 'object' && p === 'count'),
      );
      const extra = found.filter((p) => !expected.includes(p));
      if (missing.length > 0 || extra.length > 0)
        add(
          'placeholder-mismatch',
          key,
          `"${text}" has {${found.join('}, {')}}; English has {${expected.join('}, {')}}`,
        );
    }
  }
  return issues;
}
