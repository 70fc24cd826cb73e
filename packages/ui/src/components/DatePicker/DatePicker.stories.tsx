import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { DatePicker } from './DatePicker.js';

const meta = {
  title: 'Forms/DatePicker',
  component: DatePicker,
  args: { label: 'Inspection date', name: 'inspection', onChange: fn() },
  parameters: { wcag: ['1.3.1', '2.1.1', '2.4.3', '3.3.2', '4.1.2'] },
} satisfies Meta<typeof DatePicker>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

/** Open the calendar from the button, ArrowRight moves a day, Enter selects, focus returns. */
export const ChooseWithKeyboard: Story = {
  args: { defaultValue: '2026-03-10' },
  play: async ({ canvas, canvasElement, args }) => {
    const button = canvas.getByRole('button', { name: /Open calendar/ });
    await userEvent.click(button);
    const dialog = await within(canvasElement).findByRole('dialog');
    const grid = within(dialog).getByRole('grid');
    await waitFor(() =>
      expect(grid.contains(canvasElement.ownerDocument.activeElement)).toBe(true),
    );
    await userEvent.keyboard('{ArrowRight}{Enter}');
    await waitFor(() => expect(args.onChange).toHaveBeenLastCalledWith('2026-03-11'));
    await waitFor(() => expect(within(canvasElement).queryByRole('dialog')).toBeNull());
  },
};

/** Escape closes the calendar and returns focus to the button. */
export const EscapeCloses: Story = {
  play: async ({ canvas, canvasElement }) => {
    const button = canvas.getByRole('button', { name: /Open calendar/ });
    await userEvent.click(button);
    await within(canvasElement).findByRole('dialog');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(canvasElement).queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(button).toHaveFocus());
  },
};
export const WithError: Story = {
  args: { error: 'Choose a date after today', required: true, hint: 'Weekdays only' },
};
export const Spanish: Story = {
  args: { label: 'Fecha de inspección', defaultValue: '2026-03-10' },
  globals: { locale: 'es' },
};
