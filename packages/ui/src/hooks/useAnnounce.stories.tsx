import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Button } from '../components/Button/Button.js';
import { Dialog } from '../components/Dialog/Dialog.js';
import { useAnnounce } from './useAnnounce.js';

function Demo() {
  const announce = useAnnounce();
  return <Button onClick={() => announce('12 results')}>Filter</Button>;
}

function DialogDemo() {
  const [open, setOpen] = useState(false);
  const announce = useAnnounce();
  return (
    <>
      <Button onClick={() => setOpen(true)}>Edit case</Button>
      <Dialog isOpen={open} onClose={() => setOpen(false)} title="Edit case 42">
        <Button onClick={() => announce('Draft saved')}>Save draft</Button>
      </Dialog>
    </>
  );
}

const meta = {
  title: 'Feedback/useAnnounce',
  component: Demo,
  parameters: { wcag: ['4.1.3'] },
} satisfies Meta<typeof Demo>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Activating the button puts "12 results" into the polite live region. */
export const Announces: Story = {
  play: async ({ canvas, canvasElement }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Filter' }));
    const region = canvasElement.ownerDocument.querySelector('[data-cob-announcer="polite"]');
    await waitFor(() => expect(region).toHaveTextContent('12 results'));
  },
};

/**
 * Regression: inside a modal dialog the live region used to stay in `<body>`, which the modal
 * makes inert, so screen readers heard nothing. It now lives inside the open dialog.
 */
export const InsideModalDialog: Story = {
  render: () => <DialogDemo />,
  play: async ({ canvas, canvasElement }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Edit case' }));
    const doc = canvasElement.ownerDocument;
    const dialog = await waitFor(() => {
      const el = doc.querySelector('dialog[open]');
      if (!el) throw new Error('dialog not open');
      return el;
    });
    await userEvent.click(
      within(dialog as HTMLElement).getByRole('button', { name: 'Save draft' }),
    );
    await waitFor(() =>
      expect(dialog.querySelector('[data-cob-announcer="polite"]')).toHaveTextContent(
        'Draft saved',
      ),
    );
    // Not inert: the region is inside the modal, not behind it.
    await expect(
      dialog.querySelector('[data-cob-announcer="polite"]')?.closest('[inert]'),
    ).toBeNull();
    await userEvent.keyboard('{Escape}');
  },
};
