import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useAnnounce } from './useAnnounce.js';

function Saver() {
  const announce = useAnnounce();
  return (
    <>
      <button type="button" onClick={() => announce('Case saved')}>
        Save
      </button>
      <button type="button" onClick={() => announce('Could not save', 'assertive')}>
        Fail
      </button>
    </>
  );
}

describe('useAnnounce', () => {
  it('writes messages into polite and assertive live regions', async () => {
    render(<Saver />);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await act(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    const polite = document.querySelector('[data-cob-announcer="polite"]');
    expect(polite).toHaveAttribute('aria-live', 'polite');
    expect(polite).toHaveTextContent('Case saved');
    await userEvent.click(screen.getByRole('button', { name: 'Fail' }));
    await act(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    expect(document.querySelector('[data-cob-announcer="assertive"]')).toHaveTextContent(
      'Could not save',
    );
  });
});
