import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { TextField } from '../TextField/TextField.js';
import { ErrorSummary } from './ErrorSummary.js';

const meta = {
  title: 'Forms/ErrorSummary',
  component: ErrorSummary,
  args: {
    errors: [
      { fieldId: 'email', message: 'Enter an email address like name@example.com' },
      { fieldId: 'street', message: 'Enter the street address' },
    ],
  },
  parameters: { wcag: ['2.4.3', '3.3.1', '3.3.3', '4.1.3'] },
} satisfies Meta<typeof ErrorSummary>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The summary takes focus when it appears; Enter on a link focuses its field. */
export const FocusAndLinks: Story = {
  render: (args) => (
    <>
      <ErrorSummary {...args} />
      <TextField id="email" label="Email" error="Enter an email address like name@example.com" />
      <TextField id="street" label="Street address" error="Enter the street address" />
    </>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveFocus();
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('textbox', { name: 'Street address' })).toHaveFocus();
  },
};
export const Empty: Story = { args: { errors: [] } };
