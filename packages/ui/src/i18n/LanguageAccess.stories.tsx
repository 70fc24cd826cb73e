import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import type { Message, MessageKey } from './catalogue.types.js';
import { CATALOGUES } from './catalogues.js';
import { checkCatalogue } from './checkCatalogue.js';
import { FORMAT_FALLBACKS, formatLocaleFor } from './formatLocale.js';
import { en } from './locales/en.js';
import { LOCALE_TAGS } from './localeTags.js';
import { getTextDirection } from './messages.js';
import { PENDING_TRANSLATIONS } from './pending.js';
import { pluralCategories } from './plural.js';
import { describeReview } from './review.js';
import { createTranslator } from './translate.js';

const meta = {
  title: 'Language access/Catalogues',
  parameters: { wcag: ['3.1.1', '3.1.2'] },
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const keys = Object.keys(en) as MessageKey[];
const pluralKeys = keys.filter((k) => typeof (en[k] as Message) === 'object');

/**
 * Every built-in language: keys translated, plural messages and the CLDR categories they cover,
 * and the review status recorded in the data. Machine-drafted strings need review by the City's
 * language access team before residents rely on them.
 */
export const Completeness: Story = {
  render: () => (
    <table>
      <caption>Built-in strings per language ({keys.length} keys)</caption>
      <thead>
        <tr>
          <th scope="col">Language</th>
          <th scope="col">Tag</th>
          <th scope="col">Keys</th>
          <th scope="col">Plural messages</th>
          <th scope="col">Plural categories</th>
          <th scope="col">Review status</th>
        </tr>
      </thead>
      <tbody>
        {LOCALE_TAGS.map((tag) => {
          const c = CATALOGUES[tag];
          const present = keys.filter((k) => c.messages[k] !== undefined).length;
          const plurals = pluralKeys.filter((k) => typeof c.messages[k] === 'object').length;
          return (
            <tr key={tag} data-locale={tag}>
              <th scope="row" lang={tag} dir={c.dir}>
                {c.endonym}
              </th>
              <td>
                <code>{tag}</code>
              </td>
              <td data-testid={`keys-${tag}`}>
                {present} / {keys.length}
              </td>
              <td>
                {plurals} / {pluralKeys.length}
              </td>
              <td>{pluralCategories(tag).join(', ')}</td>
              <td>{describeReview(c.review)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  ),
  play: async ({ canvas }) => {
    for (const tag of LOCALE_TAGS) {
      const pending = Object.keys(PENDING_TRANSLATIONS).length;
      await expect(canvas.getByTestId(`keys-${tag}`).textContent).toBe(
        `${tag === 'en' ? keys.length : keys.length - pending} / ${keys.length}`,
      );
      // The browser's CLDR data agrees with Node's on every plural message.
      await expect(checkCatalogue(CATALOGUES[tag]).map((i) => i.message)).toEqual([]);
    }
  },
};

const sample = new Date(Date.UTC(2026, 2, 5, 12));

/**
 * Dates and numbers in this browser. Chromium ships no ICU data for Haitian Creole, Cape Verdean
 * Creole or Somali, so the kit formats them with French (Haiti), Portuguese (Cape Verde) and US
 * English conventions; the play function checks that fallback here, in the browser.
 */
export const DatesAndNumbersInThisBrowser: Story = {
  render: () => (
    <table>
      <caption>Intl data in this browser</caption>
      <thead>
        <tr>
          <th scope="col">Tag</th>
          <th scope="col">Formatted as</th>
          <th scope="col">Date</th>
          <th scope="col">Number</th>
          <th scope="col">Plural</th>
        </tr>
      </thead>
      <tbody>
        {LOCALE_TAGS.map((tag) => {
          const format = formatLocaleFor(tag);
          const { t, dir } = createTranslator(CATALOGUES[tag]);
          return (
            <tr key={tag}>
              <th scope="row">
                <code>{tag}</code>
              </th>
              <td data-testid={`format-${tag}`}>{format}</td>
              <td lang={format} dir={getTextDirection(format)}>
                {new Intl.DateTimeFormat(format, { dateStyle: 'long', timeZone: 'UTC' }).format(
                  sample,
                )}
              </td>
              <td lang={format}>{new Intl.NumberFormat(format).format(1234567.5)}</td>
              <td lang={tag} dir={dir}>
                {t('table.resultCount', { count: 3 })}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  ),
  play: async ({ canvas }) => {
    for (const tag of LOCALE_TAGS) {
      const format = canvas.getByTestId(`format-${tag}`).textContent ?? '';
      // Whatever the browser, the locale used for Intl is one it has data for.
      await expect(Intl.DateTimeFormat.supportedLocalesOf([format])).toEqual([format]);
      if (Intl.DateTimeFormat.supportedLocalesOf([tag]).length === 0) {
        await expect(FORMAT_FALLBACKS[tag]).toContain(format);
      } else {
        await expect(format).toBe(tag);
      }
    }
    // Haitian Creole has no ICU data in Chromium or Node: day-month-year, as in Haiti.
    await expect(formatLocaleFor('ht')).toBe('fr-HT');
  },
};
