import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { Breadcrumbs } from './Breadcrumbs.js';

const meta = {
  title: 'Page frame/Breadcrumbs',
  component: Breadcrumbs,
  args: {
    items: [
      { label: 'Home', href: '#home' },
      { label: 'Cases', href: '#cases' },
      { label: 'Case 42' },
    ],
  },
  parameters: { wcag: ['1.3.1', '2.4.8', '2.4.4'] },
} satisfies Meta<typeof Breadcrumbs>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('navigation', { name: 'Breadcrumb' })).toBeInTheDocument();
    await expect(canvas.getByText('Case 42')).toHaveAttribute('aria-current', 'page');
  },
};
export const RightToLeft: Story = { globals: { locale: 'ar' } };
