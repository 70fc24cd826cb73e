import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { DateRange } from './DateRange.js';

const meta = {
  title: 'Forms/DateRange',
  component: DateRange,
  args: { legend: 'When will the street be closed?', name: 'closure', onChange: fn() },
  parameters: { wcag: ['1.3.1', '2.1.1', '3.3.1', '3.3.2'] },
} satisfies Meta<typeof DateRange>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

/** With a start date, the end calendar picks a later day by keyboard (never one before the start). */
export const ChooseEndWithKeyboard: Story = {
  args: { defaultValue: { start: '2026-05-04' } },
  play: async ({ canvas, canvasElement, args }) => {
    const buttons = canvas.getAllByRole('button', { name: /Open calendar/ });
    await userEvent.click(buttons[1] as HTMLElement);
    const dialog = await within(canvasElement).findByRole('dialog');
    await waitFor(() =>
      expect(dialog.contains(canvasElement.ownerDocument.activeElement)).toBe(true),
    );
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{Enter}');
    await waitFor(() => expect(args.onChange).toHaveBeenCalled());
    const last = (args.onChange as ReturnType<typeof fn>).mock.lastCall?.[0];
    await expect(last.start).toBe('2026-05-04');
    await expect(last.end > last.start).toBe(true);
  },
};

/** An end before the start is an error on the end field. */
export const OutOfOrder: Story = {
  args: { defaultValue: { start: '2026-05-10', end: '2026-05-01' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('The end date must be on or after the start date')).toBeVisible();
  },
};
