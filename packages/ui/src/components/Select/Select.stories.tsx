import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { Select } from './Select.js';

const meta = {
  title: 'Forms/Select',
  component: Select,
  args: {
    label: 'Department',
    name: 'department',
    placeholder: 'Choose a department',
    options: [
      { value: 'PWD', label: 'Public Works' },
      { value: 'BTD', label: 'Transportation' },
      { value: 'ISD', label: 'Inspectional Services' },
    ],
  },
  parameters: { wcag: ['1.3.1', '3.3.2', '4.1.2'] },
} satisfies Meta<typeof Select>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const select = canvas.getByRole('combobox', { name: 'Department' });
    await userEvent.selectOptions(select, 'BTD');
    await expect(select).toHaveValue('BTD');
  },
};
export const WithError: Story = { args: { error: 'Choose a department', required: true } };
export const WithHint: Story = { args: { hint: 'The department that will handle the case' } };
