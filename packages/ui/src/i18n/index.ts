/**
 * `@cityofboston/ui/i18n`: the kit's strings without React, for servers and tools that render
 * outside the kit (auth-client's development identity provider, emails, PDFs). The same
 * catalogues, plural rules and bidi isolation as the components use.
 * @packageDocumentation
 */
export { isolateValue, stripBidiIsolates } from './bidi.js';
export type {
  Catalogue,
  Message,
  MessageKey,
  Messages,
  PluralCategory,
  PluralMessage,
} from './catalogue.types.js';
export { CATALOGUES } from './catalogues.js';
export { FORMAT_FALLBACKS, formatLocaleFor } from './formatLocale.js';
export { LOCALE_TAGS, type LocaleTag, matchLocale, resolveLocale } from './localeTags.js';
export { PLURALS_WITHOUT_CLDR_RULES, pluralCategories, selectPlural } from './plural.js';
export { describeReview, type ReviewState, type ReviewStatus } from './review.js';
export { createTranslator, type MessageValues, type Translator } from './translate.js';
export { translatorFor } from './translatorFor.js';
