import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { CheckboxGroup } from './CheckboxGroup.js';

const meta = {
  title: 'Forms/CheckboxGroup',
  component: CheckboxGroup,
  args: {
    legend: 'How should we contact you?',
    name: 'contact',
    onChange: fn(),
    options: [
      { value: 'email', label: 'Email' },
      { value: 'text', label: 'Text message', hint: 'Standard rates apply' },
      { value: 'phone', label: 'Phone call' },
    ],
  },
  parameters: { wcag: ['1.3.1', '2.1.1', '3.3.2', '4.1.2'] },
} satisfies Meta<typeof CheckboxGroup>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Tab moves between boxes, Space toggles. */
export const Default: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.tab();
    await userEvent.keyboard(' ');
    await userEvent.tab();
    await userEvent.keyboard(' ');
    await expect(canvas.getByRole('checkbox', { name: /Text message/ })).toBeChecked();
    await expect(args.onChange).toHaveBeenLastCalledWith(['email', 'text']);
  },
};
export const WithError: Story = {
  args: {
    error: 'Choose at least one way to contact you',
    required: true,
    hint: 'Choose all that apply',
  },
};
export const Inline: Story = { args: { inline: true, defaultValue: ['phone'] } };
