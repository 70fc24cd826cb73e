// The punctuation around words only a screen reader hears (a step's state, a redaction's
// description, the exit link's hint, a column's place in a multi-sort) comes from the language's
// catalogue: Chinese hears full-width marks, Arabic its own comma, not English punctuation.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ExitThisPage } from '../components/ExitThisPage/ExitThisPage.js';
import { RedactedValue } from '../components/RedactedValue/RedactedValue.js';
import { StepIndicator } from '../components/StepIndicator/StepIndicator.js';
import { DataTable } from '../DataTable/DataTable.js';
import { stripBidiIsolates } from './bidi.js';
import { CATALOGUES } from './catalogues.js';
import { I18nProvider } from './I18nProvider.js';
import { LOCALE_TAGS } from './localeTags.js';

const hiddenText = (locale: string, element: ReactElement): string => {
  const { container, unmount } = render(<I18nProvider locale={locale}>{element}</I18nProvider>);
  const text = [...container.querySelectorAll('.cob-visually-hidden')]
    .map((node) => stripBidiIsolates(node.textContent ?? ''))
    .join('|');
  unmount();
  return text;
};

const rows = [
  { id: 'a', status: 'Open', opened: '2026-01-02' },
  { id: 'b', status: 'Closed', opened: '2026-01-01' },
];
const sortedTable = (
  <DataTable
    caption="Requests"
    data={rows}
    rowIdKey="id"
    columns={[
      { id: 'status', header: 'Status' },
      { id: 'opened', header: 'Opened' },
    ]}
    sorting={[
      { id: 'status', desc: false },
      { id: 'opened', desc: true },
    ]}
    onSortingChange={() => {}}
  />
);

describe('screen-reader punctuation per language', () => {
  it('every catalogue writes the aside with its {text} placeholder', () => {
    for (const tag of LOCALE_TAGS) {
      expect(CATALOGUES[tag].messages.aside ?? '', tag).toContain('{text}');
    }
  });

  it("StepIndicator: a step's state in full-width parentheses in Chinese, ASCII ones in English", () => {
    const steps = <StepIndicator steps={['Location', 'Details']} current={1} />;
    expect(hiddenText('en', steps)).toContain(` (${CATALOGUES.en.messages.completed})`);
    const zh = hiddenText('zh-Hans', steps);
    expect(zh).toContain(`（${CATALOGUES['zh-Hans'].messages.completed}）`);
    expect(zh).not.toMatch(/ \(/);
  });

  it('RedactedValue and ExitThisPage: a Chinese full stop before the description or hint', () => {
    for (const element of [
      <RedactedValue key="r" field="email address" masked="j•••@example.com" />,
      <RedactedValue key="u" field="email address" />,
      <ExitThisPage key="e" href="https://www.google.com" />,
    ]) {
      expect(hiddenText('en', element)).toMatch(/\. \S/);
      const zh = hiddenText('zh-Hans', element);
      expect(zh).toContain('。');
      expect(zh).not.toContain('. ');
    }
  });

  it("DataTable: a column's place in a multi-sort after the language's comma", () => {
    expect(hiddenText('en', sortedTable)).toMatch(/(^|\|), (\||$)/);
    const ar = hiddenText('ar', sortedTable);
    expect(ar).toContain('، ');
    expect(ar).not.toMatch(/(^|\|), (\||$)/);
    expect(hiddenText('zh-Hant', sortedTable)).toContain('，');
  });
});
