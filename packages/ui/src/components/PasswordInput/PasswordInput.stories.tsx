import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { PasswordInput } from './PasswordInput.js';

const meta = {
  title: 'Forms/PasswordInput',
  component: PasswordInput,
  args: { label: 'Password', name: 'password' },
  parameters: { wcag: ['1.3.1', '1.3.5', '2.1.1', '3.3.2', '4.1.2', '4.1.3'] },
} satisfies Meta<typeof PasswordInput>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Type, Tab to "Show", Enter: the password is shown and that is announced; again hides it. */
export const ShowAndHide: Story = {
  play: async ({ canvas, canvasElement }) => {
    await userEvent.tab();
    const input = canvas.getByLabelText('Password');
    await expect(input).toHaveFocus();
    await expect(input).toHaveAttribute('type', 'password');
    await expect(input).toHaveAttribute('autocomplete', 'current-password');
    await userEvent.keyboard('hunter2');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect(input).toHaveAttribute('type', 'text');
    const status = canvasElement.querySelector('[aria-live="polite"]');
    await waitFor(() => expect(status).toHaveTextContent('Your password is visible'));
    await expect(canvas.getByRole('button', { name: 'Hide' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(input).toHaveAttribute('type', 'password');
    await expect(status).toHaveTextContent('Your password is hidden');
  },
};
export const NewPassword: Story = {
  args: {
    autoComplete: 'new-password',
    hint: 'At least 12 characters',
    label: 'Create a password',
  },
};
export const WithError: Story = { args: { error: 'Enter your password', required: true } };
