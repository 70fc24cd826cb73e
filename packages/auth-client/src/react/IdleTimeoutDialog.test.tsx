// @vitest-environment jsdom
// The dialog's strings come from the app's translator (the ui kit's `useI18n().t`), so the idle
// warning speaks the same twelve languages as the rest of the page.
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { IdleTimeoutDialog, type IdleTimeoutTranslate } from './IdleTimeoutDialog';

afterEach(cleanup);
const noop = () => {};

// A stand-in for ui's translator in Russian: CLDR plural rules through Intl.PluralRules.
const rules = new Intl.PluralRules('ru');
const ru: IdleTimeoutTranslate = (key, values) => {
  const n = values?.count ?? 0;
  const forms: Record<string, Record<string, string>> = {
    'session.idleWarningMinutes': { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' },
    'session.idleWarningSeconds': {
      one: 'секунду',
      few: 'секунды',
      many: 'секунд',
      other: 'секунды',
    },
  };
  const plural = forms[key];
  if (plural) return `Выход через ${n} ${plural[rules.select(n)]}`;
  const plain: Record<string, string> = {
    'session.idleTitle': 'Вы ещё здесь?',
    'session.idleWarningMoment': 'Выход сейчас',
    'session.staySignedIn': 'Остаться в системе',
    'session.signOutNow': 'Выйти сейчас',
  };
  return plain[key] as string;
};

describe('IdleTimeoutDialog strings', () => {
  it('English by default', () => {
    render(<IdleTimeoutDialog secondsLeft={120} onStaySignedIn={noop} onSignOut={noop} />);
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveAccessibleName('Are you still there?');
    expect(dialog).toHaveAccessibleDescription(
      'For your security, you will be signed out in about 2 minutes because of inactivity.',
    );
  });
  it('every string from the translator, with the count as a number for plural rules', () => {
    const { rerender } = render(
      <IdleTimeoutDialog secondsLeft={300} onStaySignedIn={noop} onSignOut={noop} t={ru} />,
    );
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveAccessibleName('Вы ещё здесь?');
    expect(dialog).toHaveAccessibleDescription('Выход через 5 минут');
    expect(screen.getByRole('button', { name: 'Остаться в системе' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Выйти сейчас' })).toBeInTheDocument();
    rerender(<IdleTimeoutDialog secondsLeft={22} onStaySignedIn={noop} onSignOut={noop} t={ru} />);
    expect(screen.getByRole('alertdialog')).toHaveAccessibleDescription('Выход через 22 секунды');
    rerender(<IdleTimeoutDialog secondsLeft={1} onStaySignedIn={noop} onSignOut={noop} t={ru} />);
    expect(screen.getByRole('alertdialog')).toHaveAccessibleDescription('Выход сейчас');
  });
});
