import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Button } from '../Button/Button.js';
import { TextField } from '../TextField/TextField.js';
import { Dialog } from './Dialog.js';

function DialogDemo() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Reassign case</Button>
      <Dialog
        isOpen={open}
        onClose={() => setOpen(false)}
        title="Reassign case 42"
        footer={
          <>
            <Button onClick={() => setOpen(false)}>Reassign</Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </>
        }
      >
        <TextField label="New owner" />
      </Dialog>
    </>
  );
}

const meta = {
  title: 'Feedback/Dialog',
  component: DialogDemo,
  parameters: { wcag: ['2.1.1', '2.1.2', '2.4.3', '4.1.2'] },
} satisfies Meta<typeof DialogDemo>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Focus moves in, Tab stays inside, Escape closes and focus returns to the opener. */
export const EscapeReturnsFocus: Story = {
  play: async ({ canvas, canvasElement }) => {
    const opener = canvas.getByRole('button', { name: 'Reassign case' });
    await userEvent.click(opener);
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('dialog', { name: 'Reassign case 42' });
    await waitFor(() =>
      expect(dialog.contains(canvasElement.ownerDocument.activeElement)).toBe(true),
    );
    for (let i = 0; i < 5; i++) {
      await userEvent.tab();
      await expect(dialog.contains(canvasElement.ownerDocument.activeElement)).toBe(true);
    }
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(opener).toHaveFocus());
  },
};

/** Open, as a reviewer sees it. */
export const Open: Story = {
  play: async ({ canvas, canvasElement }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Reassign case' }));
    await within(canvasElement.ownerDocument.body).findByRole('dialog');
  },
};
