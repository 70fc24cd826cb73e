import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { Combobox } from './Combobox.js';

const meta = {
  title: 'Forms/Combobox',
  component: Combobox,
  args: {
    label: 'Neighborhood',
    name: 'neighborhood',
    onChange: fn(),
    options: [
      { value: 'allston', label: 'Allston' },
      { value: 'back-bay', label: 'Back Bay' },
      { value: 'dorchester', label: 'Dorchester' },
      { value: 'east-boston', label: 'East Boston' },
      { value: 'roxbury', label: 'Roxbury' },
    ],
  },
  parameters: { wcag: ['1.3.1', '2.1.1', '3.3.2', '4.1.2'] },
} satisfies Meta<typeof Combobox>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Type to filter, ArrowDown to the option, Enter to choose. */
export const TypeAndChoose: Story = {
  play: async ({ canvas, args }) => {
    const input = canvas.getByRole('combobox', { name: 'Neighborhood' });
    await userEvent.click(input);
    await userEvent.keyboard('bos');
    await waitFor(() => expect(canvas.getByRole('listbox')).toBeInTheDocument());
    await expect(canvas.getAllByRole('option')).toHaveLength(1);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await expect(input).toHaveValue('East Boston');
    await expect(args.onChange).toHaveBeenLastCalledWith('east-boston');
  },
};
export const WithHintAndError: Story = {
  args: { hint: 'Where the problem is', error: 'Choose a neighborhood', required: true },
};
export const Preselected: Story = { args: { defaultValue: 'roxbury' } };

/** Regression: "No results" used to never appear (the popover closed on an empty list). */
export const NoResults: Story = {
  play: async ({ canvas, canvasElement }) => {
    const input = canvas.getByRole('combobox', { name: 'Neighborhood' });
    await userEvent.click(input);
    await userEvent.keyboard('zzz');
    await waitFor(() => expect(canvas.getByText('No results')).toBeVisible());
    const region = canvasElement.ownerDocument.querySelector('[data-cob-announcer="polite"]');
    await waitFor(() => expect(region).toHaveTextContent('No results for “z')); // said once, as it empties
    await expect(region?.closest('[aria-hidden="true"]')).toBeNull();
    await userEvent.keyboard('{Escape}');
  },
};
