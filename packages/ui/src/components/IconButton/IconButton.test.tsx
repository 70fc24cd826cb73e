import { render, screen } from '@testing-library/react';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { UiError } from '../../errors.js';
import { IconButton, type IconButtonProps } from './IconButton.js';

describe('IconButton', () => {
  it('requires a label in its type', () => {
    expectTypeOf<IconButtonProps>().toHaveProperty('label').toEqualTypeOf<string>();
    // @ts-expect-error an icon button without a label does not type-check
    const props: IconButtonProps = { icon: 'x' };
    expect(props.icon).toBe('x');
  });
  it('takes its accessible name from the label and hides the icon', () => {
    render(<IconButton label="Close dialog" icon={<svg data-testid="icon" />} />);
    expect(screen.getByRole('button', { name: 'Close dialog' })).toBeInTheDocument();
    expect(screen.getByTestId('icon').parentElement).toHaveAttribute('aria-hidden', 'true');
  });
  it('throws UI_INVALID_PROP on a blank label', () => {
    expect(() => render(<IconButton label="  " icon="x" />)).toThrow(UiError);
    try {
      render(<IconButton label="" icon="x" />);
    } catch (error) {
      expect((error as UiError).code).toBe('UI_INVALID_PROP');
    }
  });
});
