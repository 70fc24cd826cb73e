import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { TextField } from './TextField.js';

const meta = {
  title: 'Forms/TextField',
  component: TextField,
  args: { label: 'Full name', name: 'name', autoComplete: 'name' },
  parameters: { wcag: ['1.3.1', '1.3.5', '3.3.1', '3.3.2', '4.1.2'] },
} satisfies Meta<typeof TextField>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await userEvent.tab();
    const input = canvas.getByRole('textbox', { name: 'Full name' });
    await expect(input).toHaveFocus();
    await userEvent.keyboard('Ada Lovelace');
    await expect(input).toHaveValue('Ada Lovelace');
  },
};
export const WithHint: Story = { args: { hint: 'As it appears on your ID' } };
export const Required: Story = {
  args: { required: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Full name (required)' })).toBeRequired();
  },
};
export const WithError: Story = {
  args: { error: 'Enter your full name', hint: 'As it appears on your ID' },
  play: async ({ canvas }) => {
    const input = canvas.getByRole('textbox');
    await expect(input).toBeInvalid();
    await expect(input).toHaveAccessibleDescription(
      'As it appears on your ID Error: Enter your full name',
    );
  },
};
export const Email: Story = {
  args: { label: 'Email', type: 'email', autoComplete: 'email', width: 30 },
};
export const Disabled: Story = { args: { disabled: true, defaultValue: 'Ada' } };
/** Field widths: characters for fixed-length answers, fractions of the column for the rest. */
export const Widths: Story = {
  render: () => (
    <>
      <TextField label="ZIP code" width={5} inputMode="numeric" autoComplete="postal-code" />
      <TextField label="Phone" width={12} type="tel" autoComplete="tel" />
      <TextField label="Street address" width="two-thirds" autoComplete="street-address" />
      <TextField label="Case title" width="full" />
    </>
  ),
  play: async ({ canvas }) => {
    const zip = canvas.getByRole('textbox', { name: 'ZIP code' });
    const street = canvas.getByRole('textbox', { name: 'Street address' });
    await expect(zip.getBoundingClientRect().width).toBeLessThan(
      street.getBoundingClientRect().width,
    );
    await userEvent.tab();
    await expect(zip).toHaveFocus();
  },
};
