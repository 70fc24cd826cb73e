'use client';
import { useCallback } from 'react';
import type { Message, MessageKey } from '../i18n/catalogue.types.js';
import { type en, enTable } from '../i18n/locales/en.js';
import { type MessageValues, renderMessage } from '../i18n/translate.js';
import { useStrings } from '../i18n/useStrings.js';

/**
 * The DataTable's strings live in the kit's catalogues under `table.*` keys, so they come from
 * the same `I18nProvider` as every other component and exist in every built-in language. This
 * module keeps the DataTable's own view of them (keys without the prefix) for the `messages`
 * prop, which overrides some of them for one table. The per-language sets live in
 * `DataTable.builtInMessages.ts`, so the component's bundle does not carry every catalogue.
 */
type TableKey = Extract<MessageKey, `table.${string}`>;

/** The keys of the DataTable's strings (`'search'`, `'resultCount'`...). */
export type DataTableMessageKey = TableKey extends `table.${infer K}` ? K : never;

/** A full set of DataTable strings for one language; counts are plural messages. */
export type DataTableMessages = {
  [K in DataTableMessageKey]: (typeof en)[`table.${K}`] extends string
    ? string
    : Exclude<Message, string>;
};

/** The `table.*` strings of a set of messages, keyed without the prefix. */
export function tableMessages(messages: Partial<Record<MessageKey, Message>>) {
  const out: Record<string, Message> = {};
  for (const [key, value] of Object.entries(messages))
    if (key.startsWith('table.') && value !== undefined) out[key.slice(6)] = value;
  return out as Partial<DataTableMessages>;
}

/**
 * The DataTable's string lookup: the table's `messages` overrides first, then the provider's
 * catalogue (`table.*` keys), rendered like every kit string (plural, numbers, bidi).
 */
export function useDataTableStrings(
  overrides: Partial<DataTableMessages> | undefined,
): (key: DataTableMessageKey, values?: MessageValues) => string {
  const i18n = useStrings(enTable);
  return useCallback(
    (key, values = {}) => {
      const own = overrides?.[key];
      return own === undefined ? i18n.t(`table.${key}`, values) : renderMessage(own, values, i18n);
    },
    [overrides, i18n],
  );
}
