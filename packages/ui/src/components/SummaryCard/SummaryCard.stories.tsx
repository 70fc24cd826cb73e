import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { SummaryList } from '../SummaryList/SummaryList.js';
import { SummaryCard } from './SummaryCard.js';

const meta = {
  title: 'Content/SummaryCard',
  component: SummaryCard,
  args: {
    title: 'Contact 1',
    actions: [
      { href: '#change-1', label: 'Change' },
      { href: '#remove-1', label: 'Remove' },
    ],
    children: (
      <SummaryList
        rows={[
          { key: 'Name', value: 'Ada Lovelace' },
          { key: 'Phone', value: '617-635-4500' },
          { key: 'Email', value: 'ada@example.org' },
        ]}
      />
    ),
  },
  parameters: { wcag: ['1.3.1', '2.4.4', '2.4.6'] },
} satisfies Meta<typeof SummaryCard>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Tab reaches the card's actions, each named with the card's title. */
export const WithActions: Story = {
  play: async ({ canvas }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Change (Contact 1)' })).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Remove (Contact 1)' })).toHaveFocus();
    await expect(canvas.getByRole('region', { name: 'Contact 1' })).toBeVisible();
  },
};
export const WithoutActions: Story = { args: { actions: [] } };
