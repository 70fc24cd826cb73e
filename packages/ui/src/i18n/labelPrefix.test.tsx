// Issue 19: the separator after a translated label ("Warning: …") comes from the language's
// catalogue, not from the components: French writes a narrow no-break space before the colon,
// Chinese a full-width colon, the others the colon as in English.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { Alert } from '../components/Alert/Alert.js';
import { ClassificationBadge } from '../components/ClassificationBadge/ClassificationBadge.js';
import { StepIndicator } from '../components/StepIndicator/StepIndicator.js';
import { WarningText } from '../components/WarningText/WarningText.js';
import { stripBidiIsolates } from './bidi.js';
import { CATALOGUES } from './catalogues.js';
import { I18nProvider } from './I18nProvider.js';
import { LOCALE_TAGS } from './localeTags.js';
import { createTranslator } from './translate.js';

const NNBSP = '\u202f';

describe('labelPrefix in every catalogue', () => {
  it('French: a narrow no-break space before the colon; Chinese: a full-width colon', () => {
    expect(createTranslator(CATALOGUES.fr).t('labelPrefix', { label: 'Attention' })).toBe(
      `Attention${NNBSP}: `,
    );
    expect(createTranslator(CATALOGUES['zh-Hans']).t('labelPrefix', { label: '警告' })).toBe(
      '警告：',
    );
    expect(createTranslator(CATALOGUES['zh-Hant']).t('labelPrefix', { label: '警告' })).toBe(
      '警告：',
    );
    expect(createTranslator(CATALOGUES.en).t('labelPrefix', { label: 'Warning' })).toBe(
      'Warning: ',
    );
  });

  it('every language has its own entry with the {label} placeholder', () => {
    for (const tag of LOCALE_TAGS) {
      const message = CATALOGUES[tag].messages.labelPrefix;
      expect(message, tag).toMatch(/^\{label\}/);
    }
  });

  it('French typography elsewhere: a narrow no-break space before : ? ! ; and inside « »', () => {
    for (const [key, message] of Object.entries(CATALOGUES.fr.messages)) {
      const texts = typeof message === 'string' ? [message] : Object.values(message);
      for (const text of texts) {
        expect(text, key).not.toMatch(/[ \u00a0][:?!;»]|«[ \u00a0]/);
        expect(text, key).not.toMatch(/[^\s\u202f][?!;»]|[^\s\u202f]: /);
      }
    }
  });
});

// Components that put a translated label before a value: the hidden name of an Alert's variant,
// WarningText's "Warning", ClassificationBadge's "Classification" and StepIndicator's "Step 2 of 4".
const cases: Record<string, ReactElement> = {
  Alert: <Alert variant="warning">Road closed</Alert>,
  WarningText: <WarningText>You can be fined</WarningText>,
  ClassificationBadge: <ClassificationBadge level="internal" />,
  StepIndicator: <StepIndicator steps={['Location', 'Details']} current={1} />,
};

describe('components take the separator from the catalogue', () => {
  for (const [name, element] of Object.entries(cases)) {
    it(`${name}: French and Chinese separators, no hard-coded ": "`, () => {
      const fr = render(<I18nProvider locale="fr">{element}</I18nProvider>);
      const frText = stripBidiIsolates(fr.container.textContent ?? '');
      expect(frText).toContain(`${NNBSP}: `);
      expect(frText).not.toMatch(/[^\u202f]: /);
      fr.unmount();
      const zh = render(<I18nProvider locale="zh-Hans">{element}</I18nProvider>);
      const zhText = stripBidiIsolates(zh.container.textContent ?? '');
      expect(zhText).toContain('：');
      expect(zhText).not.toContain(': ');
      zh.unmount();
    });
  }
});
