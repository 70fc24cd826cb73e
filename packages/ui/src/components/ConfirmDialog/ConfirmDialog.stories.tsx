import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { Button } from '../Button/Button.js';
import { ConfirmDialog } from './ConfirmDialog.js';

function Demo({ destructive, onConfirm }: { destructive: boolean; onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={destructive ? 'danger' : 'primary'} onClick={() => setOpen(true)}>
        {destructive ? 'Delete draft' : 'Close case'}
      </Button>
      <ConfirmDialog
        isOpen={open}
        destructive={destructive}
        title={destructive ? 'Delete this draft?' : 'Close case 42?'}
        confirmLabel={destructive ? 'Delete' : 'Close case'}
        onConfirm={() => {
          onConfirm();
          setOpen(false);
        }}
        onCancel={() => setOpen(false)}
      >
        <p>You cannot undo this.</p>
      </ConfirmDialog>
    </>
  );
}

const meta = {
  title: 'Feedback/ConfirmDialog',
  component: Demo,
  args: { destructive: true, onConfirm: fn() },
  parameters: { wcag: ['2.1.1', '2.4.3', '3.3.4', '4.1.2'] },
} satisfies Meta<typeof Demo>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Enter on the initially focused button cancels a destructive action. */
export const Destructive: Story = {
  play: async ({ canvas, canvasElement, args }) => {
    const opener = canvas.getByRole('button', { name: 'Delete draft' });
    await userEvent.click(opener);
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('alertdialog', { name: 'Delete this draft?' });
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus(),
    );
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(body.queryByRole('alertdialog')).toBeNull());
    await expect(args.onConfirm).not.toHaveBeenCalled();
    await waitFor(() => expect(opener).toHaveFocus());
  },
};
export const Confirming: Story = {
  args: { destructive: false },
  play: async ({ canvas, canvasElement, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Close case' }));
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close case' }));
    await expect(args.onConfirm).toHaveBeenCalledOnce();
  },
};
