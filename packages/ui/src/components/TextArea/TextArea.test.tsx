import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider.js';
import { TextArea } from './TextArea.js';

describe('TextArea character count', () => {
  it('counts down, then reports the excess as an error, and is part of the description', async () => {
    render(<TextArea label="Details" maxCharacters={5} hint="Short" />);
    const box = screen.getByRole('textbox', { name: 'Details' });
    expect(box).toHaveAccessibleDescription('Short 5 characters remaining');
    await userEvent.type(box, 'abcdefg');
    expect(screen.getByText('2 characters too many')).toHaveClass('cob-field__error');
  });
  it('counts an initial value and speaks Spanish', () => {
    render(
      <I18nProvider locale="es">
        <TextArea label="Detalles" maxCharacters={10} defaultValue="hola" />
      </I18nProvider>,
    );
    // Not a live region itself: the spoken count waits for a pause (see CharacterCount).
    expect(screen.getByText('Quedan 6 caracteres')).not.toHaveAttribute('aria-live');
  });
});
