// The Done-when of language access: a test fails when any locale misses a key, when a value
// equals the English one without being marked identical on purpose, or when a plural message
// lacks one of its locale's CLDR plural categories.
import { describe, expect, it } from 'vitest';
import type { Catalogue } from './catalogue.types.js';
import { CATALOGUES } from './catalogues.js';
import { checkCatalogue } from './checkCatalogue.js';
import * as english from './locales/en.js';
import { en } from './locales/en.js';
import { LOCALE_TAGS } from './localeTags.js';
import { PENDING_TRANSLATIONS } from './pending.js';
import { pluralCategories } from './plural.js';

describe('built-in catalogues', () => {
  it('ship English and the City’s eleven languages', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...LOCALE_TAGS].sort());
    expect(LOCALE_TAGS).toHaveLength(12);
    for (const [tag, catalogue] of Object.entries(CATALOGUES)) expect(catalogue.locale).toBe(tag);
  });

  for (const catalogue of Object.values(CATALOGUES)) {
    it(`${catalogue.locale}: every key, no English copies, every CLDR plural category, same placeholders`, () => {
      expect(checkCatalogue(catalogue).map((i) => i.message)).toEqual([]);
    });
  }

  it('pending keys are still missing somewhere (remove a key once every language has it)', () => {
    for (const key of Object.keys(PENDING_TRANSLATIONS)) {
      const everywhere = Object.values(CATALOGUES).every(
        (c) => (c.messages as Record<string, unknown>)[key] !== undefined,
      );
      expect(everywhere, `${key} is translated everywhere; remove it from pending.ts`).toBe(false);
    }
  });

  it('never presents a draft as reviewed: a reviewed status names who and when', () => {
    for (const catalogue of Object.values(CATALOGUES)) {
      const statuses = [catalogue.review, ...Object.values(catalogue.keyReview ?? {})];
      for (const status of statuses) {
        if (status?.state === 'reviewed') {
          expect(status.reviewedBy, catalogue.locale).toBeTruthy();
          expect(status.date, catalogue.locale).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
      if (catalogue.locale !== 'en') expect(catalogue.review.state).not.toBe('source');
    }
  });
});

describe('checkCatalogue catches what the completeness test guards against', () => {
  const ru = CATALOGUES.ru;
  const tamper = (change: (m: Record<string, unknown>) => void): Catalogue => {
    const messages = structuredClone(ru.messages) as Record<string, unknown>;
    change(messages);
    return { ...ru, messages: messages as Catalogue['messages'] };
  };

  it('a missing key', () => {
    const issues = checkCatalogue(
      tamper((m) => {
        delete m.close;
      }),
    );
    expect(issues.map((i) => [i.code, i.key])).toEqual([['missing-key', 'close']]);
  });
  it('a missing key is accepted only while listed as pending', () => {
    const catalogue = tamper((m) => {
      delete m.close;
    });
    // The keys pending today stay pending; `close` joins them.
    expect(checkCatalogue(catalogue, { ...PENDING_TRANSLATIONS, close: 'issue 99' })).toEqual([]);
  });
  it('a value equal to English, unless marked identical on purpose', () => {
    const catalogue = tamper((m) => {
      m.cancel = en.cancel;
    });
    expect(checkCatalogue(catalogue).map((i) => i.code)).toEqual(['same-as-english']);
    expect(
      checkCatalogue({ ...catalogue, identical: [...(ru.identical ?? []), 'cancel'] }),
    ).toEqual([]);
    expect(
      checkCatalogue({ ...ru, identical: [...(ru.identical ?? []), 'cancel'] }).map((i) => i.code),
    ).toEqual(['stale-identical']);
  });
  it('a plural message without one of the language’s CLDR categories', () => {
    const issues = checkCatalogue(
      tamper((m) => {
        delete (m.filesChosen as Record<string, string>).few;
      }),
    );
    expect(issues.map((i) => i.message)).toEqual([
      'ru filesChosen: lacks the CLDR plural category "few"',
    ]);
  });
  it('a category the language does not have, and plain text where English is plural', () => {
    const issues = checkCatalogue(
      tamper((m) => {
        (m.filesChosen as Record<string, string>).two = 'два файла';
        m['table.resultCount'] = 'результаты';
      }),
    );
    expect(issues.map((i) => i.code).sort()).toEqual(['not-plural', 'plural-category-unused']);
  });
  it('a placeholder dropped or renamed', () => {
    const issues = checkCatalogue(
      tamper((m) => {
        m.pageOf = 'Страница {page} из {count}';
      }),
    );
    expect(issues.map((i) => i.code)).toEqual(['placeholder-mismatch']);
  });
  it('an unknown key (a typo)', () => {
    const issues = checkCatalogue(
      tamper((m) => {
        m.clsoe = 'Закрыть';
      }),
    );
    expect(issues.map((i) => i.code)).toEqual(['unknown-key']);
  });
});

describe('plural categories come from CLDR through Intl.PluralRules', () => {
  it('per language', () => {
    expect(pluralCategories('en').sort()).toEqual(['one', 'other']);
    expect(pluralCategories('ar').sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(pluralCategories('ru').sort()).toEqual(['few', 'many', 'one', 'other']);
    expect(pluralCategories('zh-Hant')).toEqual(['other']);
    expect(pluralCategories('vi')).toEqual(['other']);
    // No CLDR rules for Haitian Creole: one form, not the runtime default's one/other.
    expect(pluralCategories('ht')).toEqual(['other']);
  });
});

describe('English is written one group per component', () => {
  it('every key is in exactly one group, so a component bundles only its own strings', () => {
    const groups = Object.entries(english).filter(
      ([name]) => name !== 'en' && name !== 'enCatalogue',
    );
    const keys = groups.flatMap(([, group]) => Object.keys(group));
    expect(new Set(keys).size, 'a key is in two groups').toBe(keys.length);
    expect([...keys].sort()).toEqual(Object.keys(en).sort());
  });
});
