import { describe, expect, it } from 'vitest';
import { FSI, LRI, PDI, stripBidiIsolates } from './bidi.js';
import { CATALOGUES } from './catalogues.js';
import { formatLocaleFor } from './formatLocale.js';
import { matchLocale, resolveLocale } from './localeTags.js';
import { createTranslator } from './translate.js';

describe('createTranslator', () => {
  it('picks Russian plural forms by CLDR rules, numbers formatted', () => {
    const { t } = createTranslator(CATALOGUES.ru);
    expect(t('filesChosen', { count: 1 })).toBe('Выбран 1 файл');
    expect(t('filesChosen', { count: 3 })).toBe('Выбрано 3 файла');
    expect(t('filesChosen', { count: 5 })).toBe('Выбрано 5 файлов');
    expect(t('filesChosen', { count: 21 })).toBe('Выбран 21 файл');
    expect(t('filesChosen', { count: 1.5 })).toBe('Выбрано 1,5 файла');
    expect(t('table.resultCount', { count: 12345 })).toBe('12\u00a0345 результатов');
  });

  it('picks all six Arabic forms, values isolated on a right-to-left page', () => {
    const { t, dir } = createTranslator(CATALOGUES.ar);
    expect(dir).toBe('rtl');
    expect(t('filesChosen', { count: 0 })).toBe('لم يتم اختيار أي ملف');
    expect(t('filesChosen', { count: 1 })).toBe('تم اختيار ملف واحد');
    expect(t('filesChosen', { count: 2 })).toBe('تم اختيار ملفين');
    expect(t('filesChosen', { count: 3 })).toBe(`تم اختيار ${FSI}3${PDI} ملفات`);
    expect(t('filesChosen', { count: 11 })).toBe(`تم اختيار ${FSI}11${PDI} ملفًا`);
    expect(t('filesChosen', { count: 100 })).toBe(`تم اختيار ${FSI}100${PDI} ملف`);
    expect(t('removeFile', { name: 'report (final).pdf' })).toBe(
      `إزالة ${FSI}report (final).pdf${PDI}`,
    );
  });

  it('isolates a right-to-left value in a left-to-right sentence, and leaves plain values alone', () => {
    const { t } = createTranslator(CATALOGUES.en);
    expect(t('signedInAs', { name: 'أحمد' })).toBe(`Signed in as ${FSI}أحمد${PDI}`);
    expect(t('signedInAs', { name: 'Ada' })).toBe('Signed in as Ada');
    expect(t('pageOf', { page: 2, total: 1200 })).toBe('Page 2 of 1,200');
  });

  it('Spanish and French use CLDR many for millions', () => {
    expect(createTranslator(CATALOGUES.es).t('table.resultCount', { count: 1_000_000 })).toBe(
      '1.000.000 de resultados',
    );
    expect(stripBidiIsolates(createTranslator(CATALOGUES.fr).t('filesChosen', { count: 0 }))).toBe(
      '0 fichier choisi',
    );
  });

  it('a pending key shows English, kept left-to-right inside a right-to-left page', () => {
    const catalogue = { ...CATALOGUES.ar, messages: { ...CATALOGUES.ar.messages } };
    delete (catalogue.messages as Record<string, unknown>).close;
    expect(createTranslator(catalogue).t('close')).toBe(`${LRI}Close${PDI}`);
  });

  it('renders the idle-timeout warning auth-client shows, with Russian plurals', () => {
    const { t } = createTranslator(CATALOGUES.ru);
    expect(t('session.idleWarningMinutes', { count: 5 })).toContain('через 5 минут из-за');
    expect(t('session.idleWarningSeconds', { count: 22 })).toContain('через 22 секунды из-за');
  });

  it('app overrides win over the catalogue', () => {
    const { t } = createTranslator(CATALOGUES.es, { close: 'Cerrar ventana' });
    expect(t('close')).toBe('Cerrar ventana');
  });
});

describe('locale tags', () => {
  it('resolve regional and script variants to the built-in catalogues', () => {
    expect(matchLocale('pt-BR')).toBe('pt');
    expect(matchLocale('pt_PT')).toBe('pt');
    expect(matchLocale('zh-TW')).toBe('zh-Hant');
    expect(matchLocale('zh-HK')).toBe('zh-Hant');
    expect(matchLocale('zh-CN')).toBe('zh-Hans');
    expect(matchLocale('zh')).toBe('zh-Hans');
    expect(matchLocale('ZH-hant')).toBe('zh-Hant');
    expect(matchLocale('es-US')).toBe('es');
    expect(matchLocale('kea-CV')).toBe('kea');
    expect(matchLocale('de')).toBeUndefined();
    expect(resolveLocale('de')).toBe('en');
  });
});

describe('dates and numbers where ICU lacks the language (Node, full ICU)', () => {
  const date = new Date(Date.UTC(2026, 2, 5, 12));
  it('Haitian Creole: ICU has no data, so French (Haiti) conventions', () => {
    expect(Intl.DateTimeFormat.supportedLocalesOf(['ht'])).toEqual([]);
    expect(formatLocaleFor('ht')).toBe('fr-HT');
    const format = (locale: string) =>
      new Intl.DateTimeFormat(formatLocaleFor(locale), { dateStyle: 'short', timeZone: 'UTC' });
    expect(format('ht').format(date)).toBe('05/03/2026');
    expect(new Intl.NumberFormat(formatLocaleFor('ht')).format(1234.5)).toBe('1\u202f234,5');
    // Without the fallback, Intl would silently use the runtime default (US order).
    expect(
      new Intl.DateTimeFormat('ht', { dateStyle: 'short', timeZone: 'UTC' }).format(date),
    ).not.toBe('05/03/2026');
  });
  it('Cape Verdean Creole and Somali: Node has the data, so their own', () => {
    expect(formatLocaleFor('kea')).toBe('kea');
    expect(formatLocaleFor('so')).toBe('so');
    expect(
      new Intl.DateTimeFormat(formatLocaleFor('kea'), {
        dateStyle: 'long',
        timeZone: 'UTC',
      }).format(date),
    ).toBe('5 di Marsu di 2026');
  });
  it('the translator formats numbers with the fallback locale', () => {
    expect(createTranslator(CATALOGUES.ht).formatLocale).toBe('fr-HT');
    expect(createTranslator(CATALOGUES.ht).t('table.resultCount', { count: 1500 })).toBe(
      '1\u202f500 rezilta',
    );
  });
});
