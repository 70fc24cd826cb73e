import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RedactedValue } from './RedactedValue.js';

describe('RedactedValue', () => {
  it('hides the masked characters from screen readers and explains the redaction', () => {
    const { container } = render(<RedactedValue field="email address" masked="j•••@example.com" />);
    expect(screen.getByText('j•••@example.com')).toHaveAttribute('aria-hidden', 'true');
    expect(container).toHaveTextContent(
      'Redacted. Hidden: your access level does not allow you to see this email address',
    );
  });
  it('says "Redacted" when the value was dropped', () => {
    render(<RedactedValue field="date of birth" />);
    expect(screen.getByText('Redacted')).toBeVisible();
  });
});
