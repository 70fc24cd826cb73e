import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { Table } from './Table.js';

const meta = {
  title: 'Data/Table',
  component: Table,
  args: {
    caption: 'Permit fees',
    columns: [
      { id: 'permit', header: 'Permit' },
      { id: 'time', header: 'Review time' },
      { id: 'fee', header: 'Fee', numeric: true },
    ],
    rows: [
      { permit: 'Short form building permit', time: '2 weeks', fee: '$50.00' },
      { permit: 'Long form building permit', time: '6 to 8 weeks', fee: '$1,250.00' },
      { permit: 'Street occupancy', time: '5 business days', fee: '$150.00' },
    ],
  },
  parameters: { wcag: ['1.3.1', '1.4.10', '2.1.1'] },
} satisfies Meta<typeof Table>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The scrolling region takes focus (Tab), so keyboard users can scroll it. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('region', { name: 'Permit fees' })).toHaveFocus();
    await expect(
      canvas.getByRole('rowheader', { name: 'Long form building permit' }),
    ).toBeInTheDocument();
  },
};
export const LargeCaption: Story = { args: { captionSize: 'lg' } };
/** A long value wraps: nothing is cut off without a way to read it. */
export const LongValues: Story = {
  args: {
    rows: [
      {
        permit:
          'Certificate of occupancy for a change of use from retail to a restaurant with seating',
        time: 'https://www.boston.gov/departments/inspectional-services/how-get-certificate-occupancy',
        fee: '$300.00',
      },
    ],
  },
  play: async ({ canvasElement }) => {
    const cell = canvasElement.querySelector('td') as HTMLElement;
    await expect(cell.scrollWidth).toBeLessThanOrEqual(cell.clientWidth);
  },
};
