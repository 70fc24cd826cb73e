import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { Search } from './Search.js';

const meta = {
  title: 'Navigation/Search',
  component: Search,
  args: { action: '#search' },
  parameters: { wcag: ['1.3.1', '2.1.1', '2.4.6', '3.3.2'] },
} satisfies Meta<typeof Search>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A search landmark; Tab reaches the field, then the button named "Search". */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('search')).toBeInTheDocument();
    await userEvent.tab();
    await expect(canvas.getByRole('searchbox', { name: 'Search' })).toHaveFocus();
    await userEvent.keyboard('street light');
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Search' })).toHaveFocus();
  },
};
export const HiddenLabel: Story = { args: { hideLabel: true, label: 'Search boston.gov' } };
export const Spanish: Story = { globals: { locale: 'es' } };
