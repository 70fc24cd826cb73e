import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { DateInput } from './DateInput.js';

const meta = {
  title: 'Forms/DateInput',
  component: DateInput,
  args: { legend: 'Date of birth', name: 'dob', hint: 'For example, 3 27 1990' },
  parameters: { wcag: ['1.3.1', '1.3.5', '3.3.1', '3.3.2'] },
} satisfies Meta<typeof DateInput>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Tab moves month → day → year. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await userEvent.tab();
    await userEvent.keyboard('3');
    await userEvent.tab();
    await userEvent.keyboard('27');
    await userEvent.tab();
    await userEvent.keyboard('1990');
    await expect(canvas.getByRole('textbox', { name: 'Year' })).toHaveValue('1990');
    await expect(canvas.getByRole('textbox', { name: 'Month' })).toHaveValue('3');
  },
};
export const WithError: Story = {
  args: { error: 'Date of birth must be a real date', required: true },
};
export const DayFirst: Story = {
  args: { order: 'dmy', legend: 'Fecha de nacimiento' },
  globals: { locale: 'es' },
};
