// The dev IdP's pages take their strings from the ui kit's catalogues (the `idp.` keys), so they
// speak every language the kit ships; the English copy for projects without the kit is checked
// against the kit's English, so the two cannot drift.
import { CATALOGUES } from '@cityofboston/ui/i18n';
import { describe, expect, it } from 'vitest';
import { ENGLISH_PAGE_STRINGS } from './englishPageStrings';
import { englishPages, loadPageTranslators } from './pageStrings';

describe('dev IdP page strings', () => {
  it('the English copy is exactly the kit’s idp. keys, no more and no fewer', () => {
    const kit = Object.fromEntries(
      Object.entries(CATALOGUES.en.messages).filter(([key]) => key.startsWith('idp.')),
    );
    expect(ENGLISH_PAGE_STRINGS).toEqual(kit);
  });

  it('every language the kit ships has every page string', () => {
    for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
      const messages = catalogue.messages as Record<string, unknown>;
      for (const key of Object.keys(ENGLISH_PAGE_STRINGS))
        expect(messages[key], `${locale} ${key}`).toBeTypeOf('string');
    }
  });

  it('with the kit installed, pages follow ui_locales first, then Accept-Language', async () => {
    const pages = await loadPageTranslators();
    expect(pages(['so', 'es']).locale).toBe('so');
    expect(pages([undefined, 'es-US,es;q=0.9']).t('idp.signOutYes')).toBe('Sí, cerrar mi sesión');
    expect(pages([undefined, 'ar']).dir).toBe('rtl');
    expect(pages(['tlh', undefined]).locale).toBe('en');
  });

  it('the English fallback fills placeholders and leaves unknown ones visible', () => {
    const t = englishPages();
    expect(t.t('idp.signInAs', { name: 'Ana' })).toBe('Sign in as Ana');
    expect(t.t('idp.signInHeading')).toBe('Sign in to {client}');
  });
});
