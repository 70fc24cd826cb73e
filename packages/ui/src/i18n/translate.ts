import { isolateValue, LRI, PDI } from './bidi.js';
import type { Catalogue, Message, MessageKey, Messages, PluralMessage } from './catalogue.types.js';
import { formatLocaleFor } from './formatLocale.js';
import { en } from './locales/en.js';
import { selectPlural } from './plural.js';

/** Values for a message's `{placeholders}`; numbers are formatted for the locale. */
export type MessageValues = Record<string, string | number>;

/** Looks up and fills the kit's strings for one language. */
export interface Translator {
  /** The catalogue's locale, e.g. `'zh-Hant'`; use it for `lang`. */
  locale: string;
  /** The locale for `Intl` formatting (a fallback where the runtime lacks the language's data). */
  formatLocale: string;
  dir: 'ltr' | 'rtl';
  /**
   * A built-in string with its placeholders filled; a plural message picks the text for
   * `values.count` by the language's CLDR rules. Interpolated values are bidi-isolated where
   * they could reorder the text; a key the language lacks shows English, isolated.
   */
  t: (key: MessageKey, values?: MessageValues) => string;
}

function isPlural(message: Message): message is PluralMessage {
  return typeof message === 'object';
}

/** The language settings {@link renderMessage} needs. */
export interface RenderContext {
  /** The language whose plural rules apply. */
  locale: string;
  /** The locale numbers are formatted in. */
  formatLocale: string;
  dir: 'ltr' | 'rtl';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Renders one message: picks a plural message's text for `values.count`, fills `{placeholders}`
 * (numbers formatted for `formatLocale`), and bidi-isolates each value where it could reorder
 * the text around it.
 * @example renderMessage({ one: '{count} file', other: '{count} files' }, { count: 2 }, ctx)
 */
export function renderMessage(
  message: Message,
  values: MessageValues,
  context: RenderContext,
): string {
  let template: string;
  if (isPlural(message)) {
    const count = Number(values.count);
    template =
      message[selectPlural(context.locale, Number.isFinite(count) ? count : 0)] ?? message.other;
  } else {
    template = message;
  }
  let numbers = numberFormats.get(context.formatLocale);
  if (!numbers) {
    numbers = new Intl.NumberFormat(context.formatLocale);
    numberFormats.set(context.formatLocale, numbers);
  }
  const format = numbers;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return isolateValue(typeof value === 'number' ? format.format(value) : value, context.dir);
  });
}

/**
 * Builds a {@link Translator} from one catalogue (and optional overrides, e.g. an app's wording
 * for a key). Works on the server and in tests; components use `useI18n()`.
 * @example createTranslator(CATALOGUES.ru).t('table.resultCount', { count: 3 }) // '3 результата'
 */
export function createTranslator(
  catalogue: Pick<Catalogue, 'locale' | 'dir' | 'messages'>,
  overrides: Partial<Messages> = {},
): Translator {
  const { locale, dir } = catalogue;
  const context: RenderContext = { locale, formatLocale: formatLocaleFor(locale), dir };
  const english: RenderContext = { ...context, locale: 'en' };
  return {
    ...context,
    t: (key, values = {}) => {
      const own = overrides[key] ?? catalogue.messages[key];
      if (own !== undefined) return renderMessage(own, values, context);
      // A pending key: English, its plural chosen by English rules, kept left-to-right.
      const text = renderMessage(en[key], values, english);
      return dir === 'rtl' ? `${LRI}${text}${PDI}` : text;
    },
  };
}
