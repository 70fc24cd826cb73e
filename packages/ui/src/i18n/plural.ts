import type { PluralCategory } from './catalogue.types.js';

/**
 * Languages CLDR has no plural rules for, and the categories the kit uses for them. Without
 * this table `Intl.PluralRules` would silently use the runtime's default locale (usually
 * `en-US`, so `one`/`other`) for them.
 * - `ht` (Haitian Creole): no CLDR plural rules (CLDR 48, ICU 78); nouns do not inflect for
 *   number ("1 fichye", "3 fichye"), so one text, `other`, serves every count.
 */
export const PLURALS_WITHOUT_CLDR_RULES: Readonly<Record<string, readonly PluralCategory[]>> = {
  ht: ['other'],
};

const rulesCache = new Map<string, Intl.PluralRules | null>();

function rulesFor(locale: string): Intl.PluralRules | null {
  let rules = rulesCache.get(locale);
  if (rules === undefined) {
    const language = locale.split('-')[0]?.toLowerCase() ?? '';
    rules =
      language in PLURALS_WITHOUT_CLDR_RULES ||
      Intl.PluralRules.supportedLocalesOf([locale]).length === 0
        ? null
        : new Intl.PluralRules(locale);
    rulesCache.set(locale, rules);
  }
  return rules;
}

/**
 * The CLDR plural categories of a language, as this runtime's `Intl.PluralRules` knows them
 * (`['one', 'other']` for English, six for Arabic, `['other']` for Chinese and Vietnamese).
 * A language without CLDR rules gets {@link PLURALS_WITHOUT_CLDR_RULES}, or `['other']`.
 * @example pluralCategories('ru') // ['few', 'many', 'one', 'other']
 */
export function pluralCategories(locale: string): PluralCategory[] {
  const rules = rulesFor(locale);
  if (rules) return [...rules.resolvedOptions().pluralCategories];
  const language = locale.split('-')[0]?.toLowerCase() ?? '';
  return [...(PLURALS_WITHOUT_CLDR_RULES[language] ?? ['other'])];
}

/**
 * The plural category of `count` in a language (`'few'` for 3 in Russian); `'other'` for a
 * language without rules.
 */
export function selectPlural(locale: string, count: number): PluralCategory {
  return rulesFor(locale)?.select(count) ?? 'other';
}
