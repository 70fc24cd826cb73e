import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { TimeInput, toIsoTime } from './TimeInput.js';

const meta = {
  title: 'Forms/TimeInput',
  component: TimeInput,
  args: {
    legend: 'What time did the outage start?',
    name: 'start',
    hint: 'Use the 24-hour clock, for example 14 30',
    onChange: fn(),
  },
  parameters: { wcag: ['1.3.1', '2.1.1', '3.3.2'] },
} satisfies Meta<typeof TimeInput>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Tab through hours then minutes; the parts convert to 24-hour `HH:MM`. */
export const TypeATime: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('textbox', { name: 'Hours' })).toHaveFocus();
    await userEvent.keyboard('9');
    await userEvent.tab();
    await expect(canvas.getByRole('textbox', { name: 'Minutes' })).toHaveFocus();
    await userEvent.keyboard('5');
    await expect(args.onChange).toHaveBeenLastCalledWith({ hours: '9', minutes: '5' });
    await expect(toIsoTime({ hours: '9', minutes: '5' })).toBe('09:05');
    await expect(toIsoTime({ hours: '24', minutes: '00' })).toBeNull();
  },
};
export const WithError: Story = { args: { error: 'Enter a real time', required: true } };
