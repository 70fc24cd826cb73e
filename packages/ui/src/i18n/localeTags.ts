/**
 * The languages the kit ships, as BCP 47 tags: English and the eleven languages the City of
 * Boston serves residents in. `pt` is Brazilian Portuguese (the variety most of Boston's
 * Portuguese speakers read); `kea` is Cape Verdean Creole (Kabuverdianu).
 */
export const LOCALE_TAGS = [
  'en',
  'es',
  'ht',
  'zh-Hans',
  'zh-Hant',
  'vi',
  'kea',
  'pt',
  'ru',
  'ar',
  'so',
  'fr',
] as const;

/** One of {@link LOCALE_TAGS}. */
export type LocaleTag = (typeof LOCALE_TAGS)[number];

const TAGS: ReadonlySet<string> = new Set(LOCALE_TAGS);

function chineseScript(locale: string): 'zh-Hans' | 'zh-Hant' {
  try {
    // Intl.Locale's likely subtags: zh-TW, zh-HK, zh-MO → Hant; zh, zh-CN, zh-SG → Hans.
    return new Intl.Locale(locale).maximize().script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
  } catch {
    return 'zh-Hans';
  }
}

/**
 * The built-in language for a BCP 47 tag, or `undefined` when the kit has none:
 * `pt-BR` and `pt-PT` → `pt`, `zh-TW`/`zh-HK` → `zh-Hant`, `zh-CN`/`zh` → `zh-Hans`,
 * `es-US` → `es`, `ar-EG` → `ar`. Case-insensitive; `_` is accepted for `-`.
 * @example matchLocale('pt-BR') // 'pt'
 */
export function matchLocale(locale: string): LocaleTag | undefined {
  const tag = locale.trim().replace(/_/g, '-');
  const exact = LOCALE_TAGS.find((t) => t.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  const language = tag.split('-')[0]?.toLowerCase() ?? '';
  if (language === 'zh') return chineseScript(tag);
  return TAGS.has(language) ? (language as LocaleTag) : undefined;
}

/**
 * Like {@link matchLocale}, but falls back to English for a language the kit does not ship.
 * @example resolveLocale('zh-TW') // 'zh-Hant'
 */
export function resolveLocale(locale: string): LocaleTag {
  return matchLocale(locale) ?? 'en';
}
