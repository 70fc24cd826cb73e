import { MACHINE_DRAFTED } from '../../i18n/review.js';
import type { MunicipalityConfig } from '../municipality.types.js';

/** Millbrook's mark: a mill wheel over a brook. Decorative (the name is written beside it). */
function MillbrookMark() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="32"
      height="32"
      viewBox="0 0 32 32"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
    >
      <circle cx="16" cy="13" r="9" />
      <path d="M16 4v18M7 13h18M9.6 6.6l12.8 12.8M22.4 6.6 9.6 19.4" />
      <path d="M3 27c3-2 5-2 8 0s5 2 8 0 5-2 8 0" />
    </svg>
  );
}

/**
 * The Town of Millbrook, Massachusetts: a fictional town (its domain is under the reserved
 * `.example` top-level domain, RFC 2606) used in Storybook and tests to show the kit serving a
 * municipality other than Boston: its own name in every language, mark, green theme, and
 * departments. Its strings are machine-drafted.
 */
export const MILLBROOK: MunicipalityConfig = {
  data: {
    kind: 'town',
    name: 'Town of Millbrook',
    shortName: 'Millbrook',
    officialDomain: 'millbrook-ma.example',
    state: 'MA',
    languages: ['en', 'pt', 'es', 'kea', 'ht'],
    departments: [
      { code: 'DPW', name: 'Department of Public Works' },
      { code: 'CLERK', name: 'Town Clerk' },
      { code: 'LIB', name: 'Millbrook Public Library' },
    ],
  },
  strings: {
    en: {
      name: 'Town of Millbrook',
      officialBanner: 'An official website of the Town of Millbrook',
    },
    es: {
      name: 'Pueblo de Millbrook',
      officialBanner: 'Un sitio web oficial del Pueblo de Millbrook',
    },
    ht: { name: 'Komin Millbrook', officialBanner: 'Yon sit wèb ofisyèl Komin Millbrook' },
    'zh-Hans': { name: '米尔布鲁克镇', officialBanner: '米尔布鲁克镇官方网站' },
    'zh-Hant': { name: '米爾布魯克鎮', officialBanner: '米爾布魯克鎮官方網站' },
    vi: {
      name: 'Thị trấn Millbrook',
      officialBanner: 'Một trang web chính thức của Thị trấn Millbrook',
    },
    kea: { name: 'Vila di Millbrook', officialBanner: 'Un sítiu ofisial di Vila di Millbrook' },
    pt: {
      name: 'Município de Millbrook',
      officialBanner: 'Um site oficial do Município de Millbrook',
    },
    ru: { name: 'Город Миллбрук', officialBanner: 'Официальный сайт города Миллбрук' },
    ar: { name: 'بلدة ميلبروك', officialBanner: 'موقع رسمي لبلدة ميلبروك' },
    so: {
      name: 'Degmada Millbrook',
      officialBanner: 'Mareeg rasmi ah oo ka tirsan Degmada Millbrook',
    },
    fr: {
      name: 'Municipalité de Millbrook',
      officialBanner: 'Un site officiel de la Municipalité de Millbrook',
    },
  },
  review: { es: MACHINE_DRAFTED, pt: MACHINE_DRAFTED },
  logo: <MillbrookMark />,
  theme: {
    '--cob-color-text': '#10261c',
    '--cob-color-brand': '#14452f',
    '--cob-color-on-brand': '#ffffff',
    '--cob-color-brand-accent': '#9fdcb6',
    '--cob-color-primary': '#1b6a45',
    '--cob-color-primary-hover': '#14452f',
    '--cob-color-link': '#1b6a45',
    '--cob-color-link-visited': '#1b6a45',
    '--cob-color-focus': '#1b6a45',
    '--cob-color-focus-on-brand': '#f2c14e',
    '--cob-color-banner': '#edf5f0',
    '--cob-color-surface-subtle': '#f1f5f2',
    '--cob-color-info': '#1b6a45',
    '--cob-color-info-bg': '#e7f3ec',
    '--cob-color-tag-bg': '#e7f3ec',
    '--cob-color-class-internal': '#1b6a45',
  },
};
