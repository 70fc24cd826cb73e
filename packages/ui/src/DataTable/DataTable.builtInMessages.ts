import { CATALOGUES } from '../i18n/catalogues.js';
import { en } from '../i18n/locales/en.js';
import { resolveLocale } from '../i18n/localeTags.js';
import { type DataTableMessages, tableMessages } from './DataTable.messages.js';

/*
 * The DataTable strings of every built-in language, for apps that read or override them outside
 * React. Kept apart from the component (which reads the provider's catalogue), so that importing
 * `DataTable` does not bundle all twelve catalogues.
 */

/** English DataTable strings (the reference). */
export const dataTableEn = tableMessages(en) as DataTableMessages;

/** Spanish DataTable strings. */
export const dataTableEs = tableMessages(CATALOGUES.es.messages) as DataTableMessages;

/** The DataTable strings shipped with the kit, by locale tag. */
export const DATA_TABLE_MESSAGES: Readonly<Record<string, Partial<DataTableMessages>>> =
  Object.fromEntries(
    Object.entries(CATALOGUES).map(([tag, catalogue]) => [tag, tableMessages(catalogue.messages)]),
  );

/** The DataTable strings for a locale: built-in language over English, then overrides. */
export function resolveDataTableMessages(
  locale: string,
  overrides: Partial<DataTableMessages> = {},
): DataTableMessages {
  return {
    ...dataTableEn,
    ...DATA_TABLE_MESSAGES[resolveLocale(locale)],
    ...overrides,
  } as DataTableMessages;
}
