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

/**
 * Regressions found by hand: the calendar covered its own field and label; a click outside did
 * not close it and focus snapped back into it; days of other months were struck through and
 * announced as disabled.
 */
export const PlacementAndClickOutside: Story = {
  args: { defaultValue: '2026-03-10' },
  render: (args) => (
    <>
      <DatePicker {...args} />
      <p>
        <button type="button">Somewhere else</button>
      </p>
    </>
  ),
  play: async ({ canvas, canvasElement }) => {
    const doc = canvasElement.ownerDocument;
    await userEvent.click(canvas.getByRole('button', { name: /Open calendar/ }));
    const dialog = await within(canvasElement).findByRole('dialog');
    const popover = dialog.closest('.cob-date-picker__popover') as HTMLElement;
    const group = canvasElement.querySelector('.cob-date-picker__group') as HTMLElement;
    const label = canvasElement.querySelector('.cob-field__label') as HTMLElement;
    await waitFor(() =>
      expect(popover.getBoundingClientRect().top).toBeGreaterThanOrEqual(
        group.getBoundingClientRect().bottom,
      ),
    );
    await expect(popover.getBoundingClientRect().top).toBeGreaterThan(
      label.getBoundingClientRect().bottom,
    );
    // March 2026 starts on a Sunday and ends on a Tuesday: the leading/trailing cells are blank.
    const cells = [...dialog.querySelectorAll('td')];
    await expect(cells.filter((c) => c.getAttribute('aria-disabled') === 'true')).toHaveLength(0);
    await expect(dialog.querySelectorAll('.cob-calendar__cell--disabled')).toHaveLength(0);
    await expect(
      within(dialog)
        .getAllByRole('gridcell')
        .filter((c) => c.textContent),
    ).toHaveLength(31);
    // A click outside closes it, and focus does not snap back into the calendar.
    const rect = canvas.getByRole('button', { name: 'Somewhere else' }).getBoundingClientRect();
    const target = doc.elementFromPoint(rect.x + 5, rect.y + 5) as HTMLElement;
    await userEvent.click(target);
    await waitFor(() => expect(within(canvasElement).queryByRole('dialog')).toBeNull());
    await expect(dialog.contains(doc.activeElement)).toBe(false);
  },
};
