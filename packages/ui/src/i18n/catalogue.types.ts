import type { en } from './locales/en.js';
import type { LocaleTag } from './localeTags.js';
import type { ReviewStatus } from './review.js';

/** The CLDR plural categories (Unicode TR35, Part 3 "Language Plural Rules"). */
export type PluralCategory = Intl.LDMLPluralRule;

/**
 * A message that varies with a count: one text per CLDR plural category of the language,
 * `other` always present. `{count}` is the number, formatted for the locale.
 * @example { one: '{count} file chosen', other: '{count} files chosen' }
 */
export type PluralMessage = Partial<Record<PluralCategory, string>> & { other: string };

/** A built-in message: a text with `{placeholders}`, or a {@link PluralMessage}. */
export type Message = string | PluralMessage;

/** The keys of the kit's built-in strings (English is the reference). */
export type MessageKey = keyof typeof en;

/** A full set of built-in strings: plural where English is plural, text elsewhere. */
export type Messages = {
  [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage;
};

/**
 * One language's strings and what is known about them. English is the reference; every other
 * catalogue must have every key (the completeness test fails otherwise), except keys listed in
 * `pending.ts` while their translation is on its way.
 */
export interface Catalogue {
  locale: LocaleTag;
  /** The language's name in itself, for a language switcher. */
  endonym: string;
  /** The language's name in English, for reports. */
  englishName: string;
  dir: 'ltr' | 'rtl';
  /** The review status of every string, unless `keyReview` says otherwise for a key. */
  review: ReviewStatus;
  /** Per-key review status (e.g. a string the language access team has already checked). */
  keyReview?: Partial<Record<MessageKey, ReviewStatus>>;
  /**
   * Keys whose text is the same as English on purpose ("Error:" in Spanish, "CSV"), so the
   * completeness test does not take them for untranslated copies.
   */
  identical?: readonly MessageKey[];
  messages: Partial<Messages>;
}
