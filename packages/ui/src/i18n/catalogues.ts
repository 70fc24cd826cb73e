import type { Catalogue } from './catalogue.types.js';
import { ar } from './locales/ar.js';
import { enCatalogue } from './locales/en.js';
import { es } from './locales/es.js';
import { fr } from './locales/fr.js';
import { ht } from './locales/ht.js';
import { kea } from './locales/kea.js';
import { pt } from './locales/pt.js';
import { ru } from './locales/ru.js';
import { so } from './locales/so.js';
import { vi } from './locales/vi.js';
import { zhHans } from './locales/zh-Hans.js';
import { zhHant } from './locales/zh-Hant.js';
import type { LocaleTag } from './localeTags.js';

/**
 * Every built-in catalogue, by locale tag: English and the eleven languages the City serves.
 * Each carries its review status; see the completeness table in the ui README.
 */
export const CATALOGUES: Readonly<Record<LocaleTag, Catalogue>> = {
  en: enCatalogue,
  es,
  ht,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  vi,
  kea,
  pt,
  ru,
  ar,
  so,
  fr,
};
