/**
 * Where a runtime's ICU data lacks a language (Node's full ICU has no Haitian Creole; Chromium
 * ships a reduced set), the locale whose date and number conventions its readers use. The first
 * one the runtime supports wins; `en-US` is the last resort.
 * - `ht` → `fr-HT`, `fr`: Haiti writes dates day-month-year and numbers `1 234,5`, as French.
 * - `kea` → `pt-CV`, `pt`: Cape Verde follows Portuguese conventions (`5 de março de 2026`).
 * - `so` → `en-US`: CLDR's Somali patterns are the US ones ("Maarso 5, 2026", `1,234.5`).
 * Month and day names then appear in the fallback language; numeric date styles avoid that.
 */
export const FORMAT_FALLBACKS: Readonly<Record<string, readonly string[]>> = {
  ht: ['fr-HT', 'fr'],
  kea: ['pt-CV', 'pt'],
  so: ['en-US'],
};

const cache = new Map<string, string>();

function supported(locale: string): boolean {
  try {
    return (
      Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 &&
      Intl.NumberFormat.supportedLocalesOf([locale]).length > 0
    );
  } catch {
    return false;
  }
}

/**
 * The locale to hand to `Intl.DateTimeFormat`/`Intl.NumberFormat` (and react-aria) for a kit
 * locale: the locale itself when this runtime has its data, else its {@link FORMAT_FALLBACKS}.
 * @example formatLocaleFor('ht') // 'fr-HT' in Node, where ICU has no Haitian Creole
 */
export function formatLocaleFor(locale: string): string {
  let resolved = cache.get(locale);
  if (resolved === undefined) {
    const language = locale.split('-')[0]?.toLowerCase() ?? '';
    resolved = supported(locale)
      ? locale
      : ((FORMAT_FALLBACKS[language] ?? []).find(supported) ?? 'en-US');
    cache.set(locale, resolved);
  }
  return resolved;
}
