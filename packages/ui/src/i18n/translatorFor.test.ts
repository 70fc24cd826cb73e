// translatorFor picks the kit's language from what a server is told: OpenID Connect `ui_locales`
// (space-separated, in order of preference) or an HTTP Accept-Language header (quality values).
import { describe, expect, it } from 'vitest';
import { translatorFor } from './translatorFor.js';

describe('translatorFor', () => {
  it('takes the first language the kit ships from ui_locales, in order', () => {
    expect(translatorFor('tlh so pt-BR').locale).toBe('so');
    expect(translatorFor('pt-BR so').locale).toBe('pt');
  });

  it('honours Accept-Language quality values, not only the order', () => {
    expect(translatorFor('en;q=0.3, zh-TW;q=0.9, *;q=0.1').locale).toBe('zh-Hant');
    expect(translatorFor('fr;q=0, ar').locale).toBe('ar');
  });

  it('tries each source in turn and falls back to English', () => {
    expect(translatorFor([undefined, '', 'ht-HT']).locale).toBe('ht');
    expect(translatorFor(['tlh', 'x-klingon']).locale).toBe('en');
    expect(translatorFor('').locale).toBe('en');
  });

  it("renders the development identity provider's strings in the chosen language", () => {
    const ar = translatorFor('ar-EG');
    expect(ar.dir).toBe('rtl');
    expect(ar.t('idp.signInAs', { name: 'Ana Diaz' })).toBe(
      'تسجيل الدخول باسم \u2068Ana Diaz\u2069',
    );
    expect(translatorFor('es').t('idp.signOutYes')).toBe('Sí, cerrar mi sesión');
  });
});
