import type { MunicipalityConfig } from './municipality.types.js';

/**
 * The City of Boston: the kit's default municipality, and the only place in the kit that names
 * it. Its data match standards-schema's `BOSTON_MUNICIPALITY` (a test keeps them equal); its
 * translated names are machine-drafted like the catalogues.
 */
export const BOSTON: MunicipalityConfig = {
  data: {
    kind: 'city',
    name: 'City of Boston',
    shortName: 'Boston',
    officialDomain: 'boston.gov',
    state: 'MA',
    languages: ['en', 'es', 'ht', 'zh-Hans', 'zh-Hant', 'vi', 'kea', 'pt', 'ru', 'ar', 'so', 'fr'],
  },
  strings: {
    en: { name: 'City of Boston', officialBanner: 'An official website of the City of Boston' },
    es: {
      name: 'Ciudad de Boston',
      officialBanner: 'Un sitio web oficial de la Ciudad de Boston',
    },
    ht: { name: 'Vil Boston', officialBanner: 'Yon sit wèb ofisyèl Vil Boston' },
    'zh-Hans': { name: '波士顿市', officialBanner: '波士顿市官方网站' },
    'zh-Hant': { name: '波士頓市', officialBanner: '波士頓市官方網站' },
    vi: {
      name: 'Thành phố Boston',
      officialBanner: 'Một trang web chính thức của Thành phố Boston',
    },
    kea: { name: 'Sidadi di Boston', officialBanner: 'Un sítiu ofisial di Sidadi di Boston' },
    pt: { name: 'Cidade de Boston', officialBanner: 'Um site oficial da Cidade de Boston' },
    ru: { name: 'Город Бостон', officialBanner: 'Официальный сайт города Бостон' },
    ar: { name: 'مدينة بوسطن', officialBanner: 'موقع رسمي لمدينة بوسطن' },
    so: {
      name: 'Magaalada Boston',
      officialBanner: 'Mareeg rasmi ah oo ka tirsan Magaalada Boston',
    },
    fr: { name: 'Ville de Boston', officialBanner: 'Un site officiel de la Ville de Boston' },
  },
};
