import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { SchemaFormDemo } from './SchemaFormDemo.js';

const meta = {
  title: 'Forms/useSchemaForm',
  component: SchemaFormDemo,
  args: { onValid: fn() },
  parameters: { wcag: ['1.3.1', '2.4.3', '3.3.1', '3.3.2', '3.3.3'] },
} satisfies Meta<typeof SchemaFormDemo>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

/** Submitting with Enter on an invalid form moves focus to the error summary. */
export const InvalidSubmitFocusesSummary: Story = {
  play: async ({ canvas, args }) => {
    canvas.getByRole('button', { name: 'Send report' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveFocus());
    await expect(canvas.getByRole('alert')).toHaveTextContent('Full name is required');
    await expect(args.onValid).not.toHaveBeenCalled();
  },
};
