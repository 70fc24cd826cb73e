import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider.js';
import { CharacterCount } from './CharacterCount.js';
import { COUNT_ANNOUNCE_DELAY_MS } from './useCharacterCount.js';

const status = () => document.querySelector('[data-cob-count-status]');

describe('CharacterCount', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('regression: speaks the count once typing pauses, not on every keystroke', () => {
    render(<CharacterCount label="Details" maxCharacters={10} />);
    const box = screen.getByRole('textbox', { name: 'Details' });
    expect(status()).toHaveAttribute('aria-live', 'polite');
    expect(status()).toHaveTextContent('');
    for (const value of ['a', 'ab', 'abc']) fireEvent.change(box, { target: { value } });
    act(() => vi.advanceTimersByTime(COUNT_ANNOUNCE_DELAY_MS - 1));
    expect(status()).toHaveTextContent(''); // still typing: nothing spoken yet
    expect(screen.getByText('7 characters remaining')).toBeInTheDocument(); // visible at once
    act(() => vi.advanceTimersByTime(1));
    expect(status()).toHaveTextContent('7 characters remaining');
  });

  it('regression: says "1 character remaining", not "1 characters"', () => {
    render(<CharacterCount label="Details" maxCharacters={3} defaultValue="ab" />);
    expect(screen.getByText('1 character remaining')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'abcd' } });
    expect(screen.getByText('1 character too many')).toHaveClass('cob-field__error');
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'abcde' } });
    expect(screen.getByText('2 characters too many')).toBeInTheDocument();
  });

  it('is described by its count and speaks Spanish', () => {
    render(
      <I18nProvider locale="es">
        <CharacterCount label="Detalles" maxCharacters={5} defaultValue="hola" hint="Breve" />
      </I18nProvider>,
    );
    expect(screen.getByRole('textbox', { name: 'Detalles' })).toHaveAccessibleDescription(
      'Breve Queda 1 carácter',
    );
  });

  it('picks the plural form by the language’s CLDR rules (Russian one, few, many)', () => {
    render(
      <I18nProvider locale="ru">
        <CharacterCount label="Подробности" maxCharacters={25} defaultValue={'a'.repeat(4)} />
      </I18nProvider>,
    );
    const box = screen.getByRole('textbox');
    expect(screen.getByText('Остался 21 символ')).toBeInTheDocument();
    fireEvent.change(box, { target: { value: 'a'.repeat(22) } });
    expect(screen.getByText('Осталось 3 символа')).toBeInTheDocument();
    fireEvent.change(box, { target: { value: 'a'.repeat(20) } });
    expect(screen.getByText('Осталось 5 символов')).toBeInTheDocument();
  });
});
