import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { RadioGroup } from './RadioGroup.js';

const meta = {
  title: 'Forms/RadioGroup',
  component: RadioGroup,
  args: {
    legend: 'How urgent is it?',
    name: 'urgency',
    onChange: fn(),
    options: [
      { value: 'low', label: 'It can wait' },
      { value: 'medium', label: 'This week' },
      { value: 'high', label: 'It is dangerous', hint: 'Call 911 if someone is hurt' },
    ],
  },
  parameters: { wcag: ['1.3.1', '2.1.1', '3.3.2', '4.1.2'] },
} satisfies Meta<typeof RadioGroup>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Arrow keys move the selection within the group. */
export const ArrowKeys: Story = {
  args: { defaultValue: 'low' },
  play: async ({ canvas, args }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('radio', { name: 'It can wait' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    const second = canvas.getByRole('radio', { name: 'This week' });
    await expect(second).toHaveFocus();
    await expect(second).toBeChecked();
    await expect(args.onChange).toHaveBeenLastCalledWith('medium');
  },
};
export const WithError: Story = { args: { error: 'Choose how urgent it is', required: true } };
export const Inline: Story = {
  args: {
    legend: 'Is it blocking traffic?',
    inline: true,
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ],
  },
};
